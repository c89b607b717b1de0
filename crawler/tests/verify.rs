//! `crawler verify`: a crawl's WARC files and CDXJ indexes pass; a flipped byte, a changed
//! digest, a CDXJ line pointing elsewhere, a broken or missing CDXJ line are each reported
//! with file and offset (or line), and make the command fail.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn verify(paths: &[&Path]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_crawler"))
        .arg("verify")
        .args(paths)
        .output()
        .expect("crawler verify runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// A copy of the crawl's WARC files and CDXJ indexes in a directory of its own (the damaged
/// copies must stay out of target/tmp/warcs, which CI checks with warcio).
fn copy_crawl(from: &Path) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut copies = Vec::new();
    for warc in warc_files(from) {
        let name = warc.file_name().expect("name");
        let to = dir.path().join(name);
        std::fs::copy(&warc, &to).expect("copy WARC");
        let cdxj = warc::cdxj::cdxj_path(&warc);
        std::fs::copy(&cdxj, warc::cdxj::cdxj_path(&to)).expect("copy CDXJ");
        copies.push(to);
    }
    (dir, copies)
}

/// The record (offset, length, URL) whose middle byte is flipped: the largest response.
fn largest_response(cdxj: &Path) -> (u64, u64, String) {
    std::fs::read_to_string(cdxj)
        .expect("read CDXJ")
        .lines()
        .filter_map(|line| {
            let json: serde_json::Value = serde_json::from_str(line.splitn(3, ' ').nth(2)?).ok()?;
            let num = |k: &str| json[k].as_str()?.parse::<u64>().ok();
            Some((
                num("offset")?,
                num("length")?,
                json["url"].as_str()?.to_string(),
            ))
        })
        .max_by_key(|(_, length, _)| *length)
        .expect("a response")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_passes_a_crawl_and_names_each_fault() {
    let addr = start_sample_server(sample_site()).await;
    let crawl = reference_crawl(addr, "verify").await;

    // The crawl as written: every digest and index line checks out.
    let (ok, stdout) = verify(&[&crawl]);
    assert!(ok, "{stdout}");
    assert!(stdout.contains(": 0 faults"), "{stdout}");

    // A byte flipped inside a gzip member: that record is unreadable (CRC), named by offset;
    // the others are still checked.
    let (dir, copies) = copy_crawl(&crawl);
    let warc = &copies[0];
    let (offset, length, url) = largest_response(&warc::cdxj::cdxj_path(warc));
    let mut bytes = std::fs::read(warc).expect("read");
    let flipped = usize::try_from(offset + length / 2).expect("fits");
    bytes[flipped] ^= 0x20;
    std::fs::write(warc, &bytes).expect("write");
    let (ok, stdout) = verify(&[dir.path()]);
    assert!(!ok);
    let faults: Vec<&str> = stdout.lines().filter(|l| l.starts_with("FAULT")).collect();
    // The corrupt member fails its CRC, or decodes to other bytes than the digests cover:
    // either way every fault names that record's offset.
    assert!(!faults.is_empty(), "{stdout}");
    assert!(
        faults
            .iter()
            .all(|f| f.contains(&format!("offset {offset}:"))),
        "the flipped byte of {url} is not reported at {offset}:\n{stdout}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_checks_digests_of_plain_warcs_and_each_cdxj_line() {
    let addr = start_sample_server(sample_site()).await;
    let crawl = reference_crawl(addr, "verify-plain").await;
    let (dir, copies) = copy_crawl(&crawl);
    let warc = &copies[0];
    let cdxj = warc::cdxj::cdxj_path(warc);

    // Uncompressed, the same records keep their digests; a byte changed in a body is a
    // payload and block digest mismatch at that record's offset.
    let mut plain = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::MultiGzDecoder::new(std::fs::File::open(warc).expect("open")),
        &mut plain,
    )
    .expect("gunzip");
    let plain_path = dir.path().join("plain.warc");
    let needle = b"</html>";
    let at = plain
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("an HTML page");
    plain[at + 2] = b'X';
    std::fs::write(&plain_path, &plain).expect("write");
    let record_start = plain[..at]
        .windows(9)
        .rposition(|w| w == b"WARC/1.1\r")
        .expect("record start");
    let (ok, stdout) = verify(&[&plain_path]);
    assert!(!ok);
    assert!(
        stdout.contains(&format!("offset {record_start}: block digest mismatch")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("offset {record_start}: payload digest mismatch")),
        "{stdout}"
    );
    assert!(stdout.contains("1 files without a CDXJ index"), "{stdout}");
    std::fs::remove_file(&plain_path).expect("remove");

    // The CDXJ: a line whose digest was changed, one pointing to an offset where no record
    // starts, one that is not JSON, and a record left without its line.
    let text = std::fs::read_to_string(&cdxj).expect("read CDXJ");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    assert!(lines.len() > 4);
    let digest_of = |l: &str| -> String {
        let json: serde_json::Value =
            serde_json::from_str(l.splitn(3, ' ').nth(2).expect("json")).expect("parses");
        json["digest"].as_str().expect("digest").to_string()
    };
    let old = digest_of(&lines[0]);
    lines[0] = lines[0].replace(&old, "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    lines[1] = lines[1].replacen("\"offset\": \"", "\"offset\": \"1", 1);
    lines[2] = "org,example)/ 20200101000000 {\"url\": ".into();
    lines.remove(3);
    std::fs::write(&cdxj, lines.join("\n") + "\n").expect("write CDXJ");
    let (ok, stdout) = verify(&[warc]);
    assert!(!ok);
    assert!(stdout.contains("line 1 offset"), "{stdout}");
    assert!(stdout.contains("says digest sha1:AAAA"), "{stdout}");
    assert!(stdout.contains("line 2 offset"), "{stdout}");
    assert!(stdout.contains("where no record of"), "{stdout}");
    assert!(stdout.contains("line 3: not a CDXJ line"), "{stdout}");
    assert!(stdout.contains("has no line in the index"), "{stdout}");
}
