//! Bad WARC files (the table in BAD_INPUT.md): each bad record is reported with its file and
//! offset and skipped, the records around it are read, `crawler cdxj` indexes the rest, and
//! nothing is loaded past the reader's limits.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use warc::WarcReader;

/// A record's bytes: WARC/1.1 head with these fields, then the block.
fn record(fields: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = b"WARC/1.1\r\n".to_vec();
    for (n, v) in fields {
        out.extend_from_slice(format!("{n}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A `response` record of an HTML page at `url`.
fn page(url: &str, text: &str) -> Vec<u8> {
    let body = format!("<html><body><p>{text}</p></body></html>");
    let block = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    record(
        &[
            ("WARC-Type", "response"),
            ("WARC-Record-ID", &format!("<urn:uuid:{}>", uuid(url))),
            ("WARC-Date", "2024-03-01T10:00:00Z"),
            ("WARC-Target-URI", url),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        block.as_bytes(),
    )
}

fn uuid(seed: &str) -> String {
    let h = seed
        .bytes()
        .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    format!("00000000-0000-4000-8000-{:012x}", h & 0xffff_ffff_ffff)
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).expect("compress");
    e.finish().expect("finish")
}

/// Writes members (gzipped one by one) into a file; returns its path and each member's
/// offset.
fn write_members(dir: &Path, name: &str, members: &[Vec<u8>]) -> (PathBuf, Vec<u64>) {
    let path = dir.join(name);
    let mut bytes = Vec::new();
    let mut offsets = Vec::new();
    for m in members {
        offsets.push(bytes.len() as u64);
        bytes.extend_from_slice(m);
    }
    std::fs::write(&path, bytes).expect("write");
    (path, offsets)
}

/// Every record: the URIs read and the errors as printed.
fn read_all(path: &Path) -> (Vec<String>, Vec<String>) {
    let mut uris = Vec::new();
    let mut errors = Vec::new();
    for item in WarcReader::open(path).expect("open") {
        match item {
            Ok(r) => uris.push(r.record.target_uri().unwrap_or("-").to_string()),
            Err(e) => errors.push(e.to_string()),
        }
    }
    (uris, errors)
}

/// `crawler cdxj --stdout FILE`: status, lines, warnings.
fn cdxj(path: &Path) -> (bool, Vec<String>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_crawler"))
        .args(["cdxj", "--stdout"])
        .arg(path)
        .output()
        .expect("crawler cdxj runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_truncated_gzip_member_is_skipped_at_its_offset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let middle = gz(&page("http://a.example/2", "deux"));
    let cut = middle[..middle.len() / 2].to_vec();
    let (path, offsets) = write_members(
        dir.path(),
        "cut.warc.gz",
        &[
            gz(&page("http://a.example/1", "un")),
            cut,
            gz(&page("http://a.example/3", "trois")),
        ],
    );
    let (uris, errors) = read_all(&path);
    assert_eq!(uris, ["http://a.example/1", "http://a.example/3"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("cut.warc.gz") && errors[0].contains(&format!("offset {}", offsets[1])),
        "{}",
        errors[0]
    );
    let (ok, lines, warnings) = cdxj(&path);
    assert!(ok && lines.len() == 2, "{lines:?}");
    assert!(
        warnings.contains(&format!("offset {}", offsets[1])),
        "{warnings}"
    );
}

#[test]
fn a_gzip_bomb_record_is_refused_without_being_inflated() {
    // A record claiming a 1 GiB block of zeros, about 1 MB compressed.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(b"WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: http://a.example/bombe\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nContent-Type: application/octet-stream\r\nContent-Length: 1073741824\r\n\r\n")
        .expect("head");
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..1024 {
        enc.write_all(&zeros).expect("zeros");
    }
    let bomb = enc.finish().expect("finish");
    let (path, offsets) = write_members(
        dir.path(),
        "bomb.warc.gz",
        &[bomb, gz(&page("http://a.example/apres", "après"))],
    );
    let (uris, errors) = read_all(&path);
    assert_eq!(
        uris.last().map(String::as_str),
        Some("http://a.example/apres")
    );
    assert!(!uris.contains(&"http://a.example/bombe".to_string()));
    assert!(
        errors[0].contains(&format!("offset {}", offsets[0])) && errors[0].contains("limit"),
        "{errors:?}"
    );
}

#[test]
fn a_content_length_past_the_end_of_the_file_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut last = page("http://a.example/2", "deux");
    // Claims ten times its length.
    let text = String::from_utf8_lossy(&last).into_owned();
    let len: usize = text
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .and_then(|v| v.trim().parse().ok())
        .expect("length");
    last = text
        .replacen(
            &format!("Content-Length: {len}\r\n\r\n"),
            &format!("Content-Length: {}\r\n\r\n", len * 10),
            1,
        )
        .into_bytes();
    for (name, members) in [
        (
            "plain.warc",
            vec![page("http://a.example/1", "un"), last.clone()],
        ),
        (
            "past.warc.gz",
            vec![gz(&page("http://a.example/1", "un")), gz(&last)],
        ),
    ] {
        let (path, offsets) = write_members(dir.path(), name, &members);
        let (uris, errors) = read_all(&path);
        assert_eq!(uris, ["http://a.example/1"], "{name}");
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        assert!(
            errors[0].contains(&format!("offset {}", offsets[1]))
                && errors[0].contains("truncated"),
            "{name}: {}",
            errors[0]
        );
    }
}

#[test]
fn a_bad_header_line_skips_that_record_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = String::from_utf8_lossy(&page("http://a.example/2", "deux"))
        .replacen(
            "WARC-Date: 2024-03-01T10:00:00Z",
            "WARC-Date sans deux-points",
            1,
        )
        .into_bytes();
    for (name, members) in [
        (
            "bad-header.warc",
            vec![
                page("http://a.example/1", "un"),
                bad.clone(),
                page("http://a.example/3", "trois"),
            ],
        ),
        (
            "bad-header.warc.gz",
            vec![
                gz(&page("http://a.example/1", "un")),
                gz(&bad),
                gz(&page("http://a.example/3", "trois")),
            ],
        ),
    ] {
        let (path, offsets) = write_members(dir.path(), name, &members);
        let (uris, errors) = read_all(&path);
        assert_eq!(uris, ["http://a.example/1", "http://a.example/3"], "{name}");
        assert!(
            errors.len() == 1
                && errors[0].contains(&format!("offset {}", offsets[1]))
                && errors[0].contains("malformed header line"),
            "{name}: {errors:?}"
        );
    }
}

#[test]
fn a_response_without_target_uri_is_read_but_not_indexed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let anonymous = String::from_utf8_lossy(&page("http://a.example/2", "deux"))
        .replacen("WARC-Target-URI: http://a.example/2\r\n", "", 1)
        .into_bytes();
    let (path, _) = write_members(
        dir.path(),
        "no-uri.warc.gz",
        &[gz(&page("http://a.example/1", "un")), gz(&anonymous)],
    );
    let (uris, errors) = read_all(&path);
    assert_eq!(uris, ["http://a.example/1", "-"]);
    assert!(errors.is_empty());
    let (ok, lines, _) = cdxj(&path);
    assert!(ok);
    assert_eq!(
        lines.len(),
        1,
        "only the record with a URI is indexed: {lines:?}"
    );
}

#[test]
fn a_target_uri_that_is_not_utf8_is_read_and_indexed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut latin1 = page("http://a.example/caf\u{e9}", "café");
    // The URI written in Latin-1: the é as the single byte 0xE9.
    let at = latin1
        .windows(5)
        .position(|w| w == "caf\u{e9}".as_bytes().get(..5).unwrap_or_default())
        .expect("uri");
    latin1.splice(at + 3..at + 5, [0xE9]);
    let (path, _) = write_members(dir.path(), "latin1.warc.gz", &[gz(&latin1)]);
    let (uris, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(uris.len(), 1);
    assert!(uris[0].starts_with("http://a.example/caf"), "{}", uris[0]);
    let (ok, lines, _) = cdxj(&path);
    assert!(ok && lines.len() == 1, "{lines:?}");
}
