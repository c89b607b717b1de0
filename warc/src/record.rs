//! One WARC record: its type, its named fields in a stable order, and its block.

use chrono::{DateTime, SecondsFormat, Utc};

/// The WARC record types this project writes or reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordType {
    /// File-level metadata, first in every file we write.
    Warcinfo,
    /// The HTTP request as sent.
    Request,
    /// The HTTP response as received.
    Response,
    /// A capture that repeats an earlier one (not modified, or identical payload).
    Revisit,
    /// A resource stored without protocol headers.
    Resource,
    /// Metadata about another record.
    Metadata,
    /// Any other type, kept by name.
    Other,
}

impl RecordType {
    /// Parses a `WARC-Type` value (case-insensitive).
    pub fn parse(s: &str) -> Self {
        match s.trim().to_ascii_lowercase().as_str() {
            "warcinfo" => Self::Warcinfo,
            "request" => Self::Request,
            "response" => Self::Response,
            "revisit" => Self::Revisit,
            "resource" => Self::Resource,
            "metadata" => Self::Metadata,
            _ => Self::Other,
        }
    }

    /// The `WARC-Type` value for this type.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Warcinfo => "warcinfo",
            Self::Request => "request",
            Self::Response => "response",
            Self::Revisit => "revisit",
            Self::Resource => "resource",
            Self::Metadata => "metadata",
            Self::Other => "other",
        }
    }
}

/// A WARC record: the version line, named fields (in the order written) and the block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Version from the first line, e.g. `WARC/1.1`.
    pub version: String,
    /// Named fields in order; names keep their case, lookups ignore it.
    pub fields: Vec<(String, String)>,
    /// The record block (for `response`: status line, HTTP headers and body).
    pub block: Vec<u8>,
}

/// Formats a time as a WARC date (`2013-01-31T10:00:00Z`, whole seconds, UTC).
pub fn warc_date(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A new `<urn:uuid:…>` record identifier.
pub fn new_record_id() -> String {
    format!("<urn:uuid:{}>", uuid::Uuid::new_v4())
}

impl Record {
    /// A new WARC/1.1 record of `kind` with a fresh id and the given date; other fields are added
    /// with [`Record::push`], and `Content-Length` is written from the block.
    pub fn new(kind: RecordType, date: &str) -> Self {
        Self {
            version: "WARC/1.1".into(),
            fields: vec![
                ("WARC-Type".into(), kind.as_str().into()),
                ("WARC-Record-ID".into(), new_record_id()),
                ("WARC-Date".into(), date.into()),
            ],
            block: Vec::new(),
        }
    }

    /// Appends a field (keeps insertion order).
    pub fn push(&mut self, name: &str, value: impl Into<String>) -> &mut Self {
        self.fields.push((name.to_string(), value.into()));
        self
    }

    /// The first value of a field, by case-insensitive name.
    pub fn get(&self, name: &str) -> Option<&str> {
        crate::http::first_header(&self.fields, name)
    }

    /// The record's type.
    pub fn record_type(&self) -> RecordType {
        self.get("WARC-Type")
            .map(RecordType::parse)
            .unwrap_or(RecordType::Other)
    }

    /// The `WARC-Record-ID` value.
    pub fn id(&self) -> Option<&str> {
        self.get("WARC-Record-ID")
    }

    /// The `WARC-Target-URI`, without the angle brackets some WARC/1.0 writers put around it.
    pub fn target_uri(&self) -> Option<&str> {
        self.get("WARC-Target-URI")
            .map(|u| u.trim().trim_start_matches('<').trim_end_matches('>'))
    }

    /// The `WARC-Date` value.
    pub fn date(&self) -> Option<&str> {
        self.get("WARC-Date")
    }

    /// Serialises the header and block, with `Content-Length` last, and the closing CRLFs.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.block.len() + 512);
        out.extend_from_slice(self.version.as_bytes());
        out.extend_from_slice(b"\r\n");
        for (n, v) in &self.fields {
            if n.eq_ignore_ascii_case("Content-Length") {
                continue;
            }
            out.extend_from_slice(n.as_bytes());
            out.extend_from_slice(b": ");
            out.extend_from_slice(v.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", self.block.len()).as_bytes());
        out.extend_from_slice(&self.block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }
}

/// The block (`application/warc-fields`) of the `metadata` record a Veille crawl writes beside
/// a capture of a page it fetched only because an earlier crawl captured it: no page, sitemap
/// or feed of this crawl links to it any more.
pub const UNLINKED_FIELDS: &[u8] = b"veille-link-state: unlinked\r\n";

/// Whether a `metadata` record says its capture's page is unlinked (see [`UNLINKED_FIELDS`]).
pub fn says_unlinked(record: &Record) -> bool {
    record.record_type() == RecordType::Metadata
        && String::from_utf8_lossy(&record.block).lines().any(|l| {
            l.split_once(':').is_some_and(|(k, v)| {
                k.trim().eq_ignore_ascii_case("veille-link-state") && v.trim() == "unlinked"
            })
        })
}
