//! The payload of a capture, as a reader wants it: for a `response` record the HTTP status,
//! headers and body with transfer framing and content-encoding undone; for a `resource`
//! record the block itself. Revisits carry no payload: [`revisit_target`] says what they
//! repeat.

use super::http::{dechunk, decode_content_encoding, parse_response_head};
use super::record::{Record, RecordType};

/// A payload read back from a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    /// HTTP status (200 for a `resource` record).
    pub status: u16,
    /// HTTP headers (empty for a `resource` record).
    pub headers: Vec<(String, String)>,
    /// Content-Type (HTTP header, or the record's for a `resource`).
    pub content_type: Option<String>,
    /// The body, de-chunked and decoded from its content-encoding.
    pub body: Vec<u8>,
    /// Whether the record says its block was cut (`WARC-Truncated`).
    pub truncated: bool,
}

impl Payload {
    /// The first value of an HTTP header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        super::http::first_header(&self.headers, name)
    }
}

/// Why a record has no readable payload.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PayloadError {
    /// The record type carries no payload (request, warcinfo, revisit, metadata…).
    #[error("a {0} record carries no payload")]
    NoPayload(String),
    /// The HTTP head inside the block does not parse.
    #[error("bad HTTP head: {0}")]
    BadHead(String),
}

/// Reads the payload of a `response` or `resource` record.
pub fn payload(record: &Record) -> Result<Payload, PayloadError> {
    let truncated = record.get("WARC-Truncated").is_some();
    match record.record_type() {
        RecordType::Resource => Ok(Payload {
            status: 200,
            headers: Vec::new(),
            content_type: record.get("Content-Type").map(str::to_string),
            body: record.block.clone(),
            truncated,
        }),
        RecordType::Response => {
            let head = parse_response_head(&record.block)
                .map_err(|e| PayloadError::BadHead(e.to_string()))?;
            let raw = &record.block[head.body_offset.min(record.block.len())..];
            let chunked = head
                .header("transfer-encoding")
                .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
            let unframed = if chunked {
                dechunk(raw).unwrap_or_else(|| raw.to_vec())
            } else {
                raw.to_vec()
            };
            let body =
                decode_content_encoding(head.header("content-encoding"), &unframed).into_owned();
            Ok(Payload {
                status: head.status,
                content_type: head.header("content-type").map(str::to_string),
                headers: head.headers,
                body,
                truncated,
            })
        }
        other => Err(PayloadError::NoPayload(other.as_str().into())),
    }
}

/// What a `revisit` record repeats: the earlier capture's URI, date and record id, when given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisitTarget {
    /// `WARC-Refers-To-Target-URI` (or the revisit's own target URI).
    pub uri: String,
    /// `WARC-Refers-To-Date`.
    pub date: Option<String>,
    /// `WARC-Refers-To` record id.
    pub record_id: Option<String>,
    /// `WARC-Payload-Digest` of the repeated payload.
    pub digest: Option<String>,
}

/// The capture a `revisit` record refers to; `None` for other records.
pub fn revisit_target(record: &Record) -> Option<RevisitTarget> {
    if record.record_type() != RecordType::Revisit {
        return None;
    }
    Some(RevisitTarget {
        uri: record
            .get("WARC-Refers-To-Target-URI")
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .or_else(|| record.target_uri().map(str::to_string))?,
        date: record.get("WARC-Refers-To-Date").map(str::to_string),
        record_id: record.get("WARC-Refers-To").map(str::to_string),
        digest: record.get("WARC-Payload-Digest").map(str::to_string),
    })
}
