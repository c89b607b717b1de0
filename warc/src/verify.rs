//! Fixity checks of WARC files and their CDXJ indexes (`crawler verify`).
//!
//! Every record is read again; its `WARC-Block-Digest` is checked against the block, and a
//! response's `WARC-Payload-Digest` against the body after the HTTP head (as stored, or
//! de-chunked when the tool that wrote it kept the chunked framing and digested without it).
//! A record that cannot be read (a gzip member whose CRC fails, a block cut short) is a fault
//! at its offset. Then each line of the CDXJ index beside the file (`X.warc.gz` → `X.cdxj`)
//! must point at a record starting at its offset with its URL and digest, and each record a
//! replay looks up must have its line.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use crate::cdxj::{cdxj_path, line_for, surt};
use crate::digest::DigestCheck;
use crate::http::{dechunk, parse_response_head};
use crate::{RecordType, WarcReader, verify_digest};

/// What is wrong at one place of an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaultKind {
    /// The record could not be read (bad gzip member, CRC mismatch, cut block, bad header).
    Unreadable,
    /// `WARC-Block-Digest` does not match the block.
    BlockDigest,
    /// `WARC-Payload-Digest` does not match the payload.
    PayloadDigest,
    /// A CDXJ line does not parse, or points at no record, or at one with another URL or
    /// digest.
    CdxjLine,
    /// A record a replay would look up has no CDXJ line.
    CdxjMissing,
}

/// One fault, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// The WARC or CDXJ file.
    pub file: PathBuf,
    /// Byte offset of the record in the WARC file (of its gzip member), when known.
    pub offset: Option<u64>,
    /// Line number in the CDXJ file, for CDXJ faults.
    pub line: Option<usize>,
    /// What kind of fault.
    pub kind: FaultKind,
    /// What was found, in words.
    pub detail: String,
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, " line {line}")?;
        }
        if let Some(offset) = self.offset {
            write!(f, " offset {offset}")?;
        }
        write!(f, ": {}", self.detail)
    }
}

/// What the check of one WARC file found.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    /// Records read.
    pub records: u64,
    /// Digests that were computed and matched.
    pub digests_ok: u64,
    /// Digests absent or of an algorithm not computed here (records left unchecked).
    pub digests_unchecked: u64,
    /// CDXJ lines checked (0 when the file has no CDXJ beside it).
    pub cdxj_lines: u64,
    /// Whether a CDXJ file was found beside the WARC file.
    pub has_cdxj: bool,
    /// Everything found wrong.
    pub faults: Vec<Fault>,
}

/// What a record contributes to the CDXJ cross-check.
struct Indexed {
    url: String,
    digest: Option<String>,
}

/// The WARC files named by `paths`: files as given, directories searched recursively for
/// `*.warc.gz` and `*.warc` (files still being written, `*.open`, are left out). Sorted.
pub fn collect_warcs(paths: &[PathBuf]) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        let meta = fs::metadata(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        if meta.is_dir() {
            walk(path, &mut out)?;
        } else {
            out.push(path.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let entries = fs::read_dir(dir)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        // Not through symbolic links to directories: a link loop would never end.
        if entry.file_type()?.is_dir() {
            walk(&path, out)?;
        } else {
            let name = path.to_string_lossy();
            if name.ends_with(".warc.gz") || name.ends_with(".warc") {
                out.push(path);
            }
        }
    }
    Ok(())
}

/// Checks one WARC file and its CDXJ index; `progress` is told the offset of each record
/// read. An error is returned only when the file cannot be opened at all.
pub fn verify_file(path: &Path, mut progress: impl FnMut(u64)) -> io::Result<FileReport> {
    let mut report = FileReport::default();
    let filename = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let fault = |offset: Option<u64>, kind: FaultKind, detail: String| Fault {
        file: path.to_path_buf(),
        offset,
        line: None,
        kind,
        detail,
    };
    // Records by offset (several share one in a file gzipped as a whole).
    let mut indexed: HashMap<u64, Vec<Indexed>> = HashMap::new();
    for item in WarcReader::open(path)? {
        let read = match item {
            Ok(read) => read,
            Err(e) => {
                progress(e.offset);
                report.faults.push(fault(
                    Some(e.offset),
                    FaultKind::Unreadable,
                    format!("unreadable record: {}", e.reason),
                ));
                continue;
            }
        };
        progress(read.offset);
        report.records += 1;
        let record = &read.record;
        let what = record
            .target_uri()
            .map(|u| format!(" of {u}"))
            .unwrap_or_default();
        match record.get("WARC-Block-Digest") {
            Some(d) => match verify_digest(d, &record.block) {
                DigestCheck::Match => report.digests_ok += 1,
                DigestCheck::Mismatch => report.faults.push(fault(
                    Some(read.offset),
                    FaultKind::BlockDigest,
                    format!(
                        "block digest mismatch: the {} record{what} no longer matches {d}",
                        record.record_type().as_str()
                    ),
                )),
                DigestCheck::Unsupported => report.digests_unchecked += 1,
            },
            None => report.digests_unchecked += 1,
        }
        if record.record_type() == RecordType::Response
            && let Some(d) = record.get("WARC-Payload-Digest")
        {
            match check_payload(d, &record.block) {
                DigestCheck::Match => report.digests_ok += 1,
                DigestCheck::Mismatch => report.faults.push(fault(
                    Some(read.offset),
                    FaultKind::PayloadDigest,
                    format!("payload digest mismatch: the response{what} no longer matches {d}"),
                )),
                DigestCheck::Unsupported => report.digests_unchecked += 1,
            }
        }
        if let Some(line) = line_for(&read, &filename) {
            let field = |name: &str| {
                line.fields
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.clone())
            };
            indexed.entry(read.offset).or_default().push(Indexed {
                url: field("url").unwrap_or_default(),
                digest: field("digest"),
            });
        }
    }
    let cdxj = cdxj_path(path);
    if cdxj.exists() {
        report.has_cdxj = true;
        if let Err(e) = check_cdxj(&cdxj, &filename, &indexed, &mut report) {
            report.faults.push(Fault {
                file: cdxj,
                offset: None,
                line: None,
                kind: FaultKind::CdxjLine,
                detail: format!("the index cannot be read: {e}"),
            });
        }
    }
    Ok(report)
}

/// Checks a response's payload digest against the body as stored, then de-chunked.
fn check_payload(digest: &str, block: &[u8]) -> DigestCheck {
    let Ok(head) = parse_response_head(block) else {
        // Not an HTTP message (a response record of another protocol): the whole block.
        return verify_digest(digest, block);
    };
    let body = &block[head.body_offset.min(block.len())..];
    match verify_digest(digest, body) {
        DigestCheck::Mismatch => {
            let chunked = head
                .header("transfer-encoding")
                .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
            match chunked.then(|| dechunk(body)).flatten() {
                Some(plain) => verify_digest(digest, &plain),
                None => DigestCheck::Mismatch,
            }
        }
        other => other,
    }
}

fn check_cdxj(
    cdxj: &Path,
    filename: &str,
    indexed: &HashMap<u64, Vec<Indexed>>,
    report: &mut FileReport,
) -> io::Result<()> {
    let fault = |line: usize, offset: Option<u64>, kind: FaultKind, detail: String| Fault {
        file: cdxj.to_path_buf(),
        offset,
        line: Some(line),
        kind,
        detail,
    };
    let mut seen: HashMap<u64, usize> = HashMap::new();
    let reader = BufReader::new(fs::File::open(cdxj)?);
    for (i, line) in reader.split(b'\n').enumerate() {
        let number = i + 1;
        let line = line?;
        let line = String::from_utf8_lossy(&line);
        let line = line.trim();
        if line.is_empty() || line.starts_with('!') {
            continue;
        }
        let json = line.splitn(3, ' ').nth(2).unwrap_or_default();
        let fields: serde_json::Map<String, serde_json::Value> = match serde_json::from_str(json) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => {
                report.cdxj_lines += 1;
                report.faults.push(fault(
                    number,
                    None,
                    FaultKind::CdxjLine,
                    "not a CDXJ line (SURT, timestamp, JSON object)".into(),
                ));
                continue;
            }
        };
        let text = |name: &str| match fields.get(name) {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        if let Some(other) = text("filename")
            && other != filename
        {
            // A line about another WARC file (a merged index): not this file's to check.
            continue;
        }
        report.cdxj_lines += 1;
        let Some(offset) = text("offset").and_then(|o| o.parse::<u64>().ok()) else {
            report.faults.push(fault(
                number,
                None,
                FaultKind::CdxjLine,
                "the line has no offset".into(),
            ));
            continue;
        };
        let url = text("url").unwrap_or_default();
        let Some(records) = indexed.get(&offset) else {
            report.faults.push(fault(
                number,
                Some(offset),
                FaultKind::CdxjLine,
                format!("points to offset {offset} of {filename}, where no record of {url} starts"),
            ));
            continue;
        };
        let same_url = records
            .iter()
            .filter(|r| r.url == url || surt(&r.url) == surt(&url))
            .collect::<Vec<_>>();
        if same_url.is_empty() {
            report.faults.push(fault(
                number,
                Some(offset),
                FaultKind::CdxjLine,
                format!(
                    "says {url}, but the record at offset {offset} is {}",
                    records[0].url
                ),
            ));
            continue;
        }
        if let Some(digest) = text("digest")
            && !same_url
                .iter()
                .any(|r| r.digest.as_deref().is_none_or(|d| same_digest(d, &digest)))
        {
            report.faults.push(fault(
                number,
                Some(offset),
                FaultKind::CdxjLine,
                format!(
                    "says digest {digest} for {url}, but the record at offset {offset} has {}",
                    same_url[0].digest.as_deref().unwrap_or("none")
                ),
            ));
            continue;
        }
        *seen.entry(offset).or_default() += 1;
    }
    let mut missing: Vec<(&u64, &Vec<Indexed>)> = indexed
        .iter()
        .filter(|(offset, records)| seen.get(offset).copied().unwrap_or(0) < records.len())
        .collect();
    missing.sort_by_key(|(offset, _)| **offset);
    for (offset, records) in missing {
        report.faults.push(Fault {
            file: cdxj.to_path_buf(),
            offset: Some(*offset),
            line: None,
            kind: FaultKind::CdxjMissing,
            detail: format!(
                "the record of {} at offset {offset} has no line in the index",
                records[0].url
            ),
        });
    }
    Ok(())
}

/// Digests compared without their label's case (`sha1:ABC` = `SHA1:abc`), and bare values
/// (pywb's older indexes drop the `sha1:` label).
fn same_digest(a: &str, b: &str) -> bool {
    let bare = |d: &str| -> String {
        let d = d.trim();
        d.split_once(':').map_or(d, |(_, v)| v).to_ascii_uppercase()
    };
    bare(a) == bare(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_compare_without_label_or_case() {
        assert!(same_digest("sha1:ABCD", "abcd"));
        assert!(same_digest("sha1:ABCD", "SHA1:abcd"));
        assert!(!same_digest("sha1:ABCD", "sha1:ABCE"));
    }

    #[test]
    fn a_chunked_body_digested_without_its_framing_matches() {
        let body = b"hello world";
        let digest = crate::sha1_digest(body);
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        assert_eq!(check_payload(&digest, block), DigestCheck::Match);
        let other = crate::sha1_digest(b"bonjour");
        assert_eq!(check_payload(&other, block), DigestCheck::Mismatch);
    }
}
