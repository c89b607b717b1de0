//! Any bytes as the block of a `response` record: the stored HTTP message parsed, de-chunked
//! and decoded from its content-encoding.
#![no_main]

use warc::http::{decode_content_encoding, dechunk, parse_response_head};
use warc::payload::payload;
use warc::{Record, RecordType};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(head) = parse_response_head(data) {
        let body = &data[head.body_offset.min(data.len())..];
        let _ = dechunk(body);
        let _ = decode_content_encoding(head.header("content-encoding"), body);
    }
    let mut record = Record::new(RecordType::Response, "2024-01-01T00:00:00Z");
    record.push("WARC-Target-URI", "https://www.ville-exemple.fr/");
    record.push("Content-Type", "application/http; msgtype=response");
    record.block = data.to_vec();
    let _ = payload(&record);
    for encoding in ["gzip", "deflate", "br"] {
        let _ = decode_content_encoding(Some(encoding), data);
    }
});
