//! Turning an HTTP exchange into its WARC `request` and `response` records.

use crate::fetch::Exchange;
use crate::state::CaptureInfo;
use warc::http::{request_block, response_block};
use warc::record::{Record, RecordType, new_record_id, warc_date};
use warc::sha1_digest;

/// Builds the `response` and `request` records of one exchange, sharing one `WARC-Date`
/// and linked by `WARC-Concurrent-To`.
pub fn exchange_records(ex: &Exchange, warcinfo_id: &str) -> Vec<Record> {
    let date = warc_date(ex.date);
    let response_id = new_record_id();

    let block = response_block(ex.version, ex.status, &ex.reason, &ex.headers, &ex.body);
    let mut response = Record::new(RecordType::Response, &date);
    response.fields[1].1 = response_id.clone();
    response.push("WARC-Target-URI", ex.url.as_str());
    if let Some(ip) = ex.ip {
        response.push("WARC-IP-Address", ip.to_string());
    }
    response.push("WARC-Warcinfo-ID", warcinfo_id);
    response.push("WARC-Block-Digest", sha1_digest(&block));
    response.push("WARC-Payload-Digest", sha1_digest(&ex.body));
    if let Some(reason) = ex.truncated {
        response.push("WARC-Truncated", reason);
    }
    response.push("Content-Type", "application/http; msgtype=response");
    response.block = block;

    let request = request_record(ex, &date, response_id, warcinfo_id);
    vec![response, request]
}

/// The `request` record of an exchange, concurrent to the record `concurrent_to`.
fn request_record(ex: &Exchange, date: &str, concurrent_to: String, warcinfo_id: &str) -> Record {
    let block = request_block(&ex.request_target, &ex.request_headers);
    let mut request = Record::new(RecordType::Request, date);
    request.push("WARC-Target-URI", ex.url.as_str());
    if let Some(ip) = ex.ip {
        request.push("WARC-IP-Address", ip.to_string());
    }
    request.push("WARC-Concurrent-To", concurrent_to);
    request.push("WARC-Warcinfo-ID", warcinfo_id);
    request.push("WARC-Block-Digest", sha1_digest(&block));
    request.push("Content-Type", "application/http; msgtype=request");
    request.block = block;
    request
}

/// Why a capture is stored as a `revisit` record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevisitProfile {
    /// The server answered 304 Not Modified to a conditional request.
    ServerNotModified,
    /// The payload is identical to the earlier capture's (same payload digest).
    IdenticalPayloadDigest,
}

impl RevisitProfile {
    /// The `WARC-Profile` URI (WARC 1.1).
    pub fn uri(self) -> &'static str {
        match self {
            Self::ServerNotModified => {
                "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
            }
            Self::IdenticalPayloadDigest => {
                "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
            }
        }
    }
}

/// Builds the `revisit` and `request` records of an exchange that repeats `previous`: the
/// revisit block holds the response's status line and headers only, and the record names
/// the earlier capture (`WARC-Refers-To`, `-Target-URI`, `-Date`) for replay tools.
pub fn revisit_records(
    ex: &Exchange,
    previous: &CaptureInfo,
    profile: RevisitProfile,
    warcinfo_id: &str,
) -> Vec<Record> {
    let date = warc_date(ex.date);
    let revisit_id = new_record_id();
    let block = response_block(ex.version, ex.status, &ex.reason, &ex.headers, b"");
    let mut revisit = Record::new(RecordType::Revisit, &date);
    revisit.fields[1].1 = revisit_id.clone();
    revisit.push("WARC-Target-URI", ex.url.as_str());
    if let Some(ip) = ex.ip {
        revisit.push("WARC-IP-Address", ip.to_string());
    }
    revisit.push("WARC-Warcinfo-ID", warcinfo_id);
    revisit.push("WARC-Profile", profile.uri());
    revisit.push("WARC-Refers-To", previous.record_id.clone());
    revisit.push("WARC-Refers-To-Target-URI", previous.url.clone());
    revisit.push("WARC-Refers-To-Date", previous.date.clone());
    revisit.push("WARC-Block-Digest", sha1_digest(&block));
    revisit.push("WARC-Payload-Digest", previous.digest.clone());
    revisit.push("Content-Type", "application/http; msgtype=response");
    revisit.block = block;

    let request = request_record(ex, &date, revisit_id, warcinfo_id);
    vec![revisit, request]
}

/// A `metadata` record about the capture `about` (its first record): the URL was fetched only
/// because an earlier crawl captured it; nothing of this crawl links to it.
pub fn unlinked_record(about: &Record, warcinfo_id: &str) -> Record {
    let block = warc::record::UNLINKED_FIELDS.to_vec();
    let mut record = Record::new(RecordType::Metadata, about.date().unwrap_or_default());
    record.push("WARC-Target-URI", about.target_uri().unwrap_or_default());
    if let Some(id) = about.id() {
        record.push("WARC-Concurrent-To", id);
    }
    record.push("WARC-Warcinfo-ID", warcinfo_id);
    record.push("WARC-Block-Digest", sha1_digest(&block));
    record.push("Content-Type", "application/warc-fields");
    record.block = block;
    record
}
