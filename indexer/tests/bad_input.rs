//! Hostile pages and files (the table in BAD_INPUT.md): extraction ends, within its limits,
//! with a document or a clear error; `indexer index` skips what it cannot read, naming it,
//! and indexes the rest.

use std::process::Command;
use std::time::Instant;

use indexer::extract::{Extractor, Input};
use testkit::repo_root;

fn bad_file(name: &str) -> Vec<u8> {
    std::fs::read(repo_root().join("indexer/tests/data/bad-input").join(name)).expect("fixture")
}

fn extractor() -> Extractor {
    Extractor::new().expect("extractor")
}

/// Extracts `bytes` as `content_type` on a thread with the stack the indexer's workers get
/// (the default 2 MiB of a spawned thread), and how long it took.
fn extract(
    bytes: Vec<u8>,
    content_type: &'static str,
) -> (Result<indexer::extract::Extracted, String>, f64) {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let start = Instant::now();
            let out = extractor()
                .extract(&Input {
                    bytes: &bytes,
                    url: Some("https://www.ville-exemple.fr/actualites/piege.html"),
                    content_type: Some(content_type),
                    captured: None,
                    seed_insee: None,
                })
                .map_err(|e| e.to_string());
            (out, start.elapsed().as_secs_f64())
        })
        .expect("thread")
        .join()
        .expect("extraction does not panic")
}

fn article(inner: &str) -> String {
    format!(
        "<html><head><meta charset=\"utf-8\"><title>Piège</title></head><body>{inner}<p>La fibre optique arrive dans tous les quartiers de la commune, annonce le maire.</p></body></html>"
    )
}

#[test]
fn a_hundred_thousand_nested_elements_do_not_overflow_the_stack() {
    let page = article(&format!(
        "{}profond{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    ));
    let (out, secs) = extract(page.into_bytes(), "text/html");
    let doc = out.expect("a document");
    assert!(doc.text.contains("fibre optique"), "{}", doc.text);
    assert!(
        doc.text.contains("profond"),
        "the deep text is kept: {}",
        doc.text
    );
    // Flattened before parsing: seconds at most (215 s unbounded), even on a loaded machine.
    assert!(secs < 10.0, "{secs} s");
}

#[test]
fn a_fifty_megabyte_single_line_page_is_read_up_to_the_html_limit() {
    let mut page = article("").into_bytes();
    // 50 MB of words on one line after the article.
    let filler = "numérique ".repeat(5 * 1024 * 1024);
    page.extend_from_slice(filler.as_bytes());
    assert!(page.len() > 50_000_000);
    let (out, secs) = extract(page, "text/html");
    let doc = out.expect("a document");
    assert!(doc.text.contains("fibre optique"));
    assert!(
        doc.text.len() <= indexer::extract::MAX_HTML_BYTES,
        "no more text than the HTML limit: {}",
        doc.text.len()
    );
    assert!(secs < 120.0, "{secs} s");
}

#[test]
fn a_million_attributes_on_one_element_are_survived() {
    // A million: the page is cut at 2 MiB, inside the tag; it must end, quickly.
    let attrs: String = (0..1_000_000).map(|i| format!(" a{i}=\"x\"")).collect();
    let page = article(&format!("<div{attrs}>attributs</div>"));
    let (out, secs) = extract(page.into_bytes(), "text/html");
    out.expect("a document");
    assert!(secs < 10.0, "{secs} s");
    // 150,000 within the 2 MiB read: the attributes past 1,000 are cut before parsing, and
    // the text stays (150 s unbounded).
    let attrs: String = (0..150_000).map(|i| format!(" a{i}=\"x\"")).collect();
    let page = article(&format!("<div{attrs}>attributs</div>"));
    assert!(page.len() < indexer::extract::MAX_HTML_BYTES);
    let (out, secs) = extract(page.into_bytes(), "text/html");
    let doc = out.expect("a document");
    assert!(
        doc.text.contains("attributs"),
        "the element's text is kept: {}",
        doc.text
    );
    assert!(secs < 10.0, "{secs} s");
}

#[test]
fn binary_served_as_html_gives_no_french_document() {
    let binary: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    let (out, _) = extract(binary, "text/html");
    let doc = out.expect("a document, maybe empty");
    assert!(!doc.digital_policy);
    assert!(doc.label.is_none() && doc.commune.is_none());
    assert_ne!(doc.language.as_deref(), Some("fr"), "{:?}", doc.language);
}

#[test]
fn invalid_utf8_in_a_page_declared_utf8_is_replaced_not_fatal() {
    let mut page = article("<h1>Démarches en ligne</h1>").into_bytes();
    // Latin-1 bytes (é as 0xE9) and a stray continuation byte in a UTF-8 page.
    let at = page.len() - "</body></html>".len();
    page.splice(
        at..at,
        b"<p>Le conseil a vot\xE9 le budget \x80 du num\xE9rique.</p>"
            .iter()
            .copied(),
    );
    let (out, _) = extract(page, "text/html; charset=utf-8");
    let doc = out.expect("a document");
    assert!(doc.text.contains("fibre optique"));
    assert!(doc.text.contains("Le conseil a vot"), "{}", doc.text);
}

#[test]
fn an_encrypted_pdf_is_named_as_such() {
    let (out, _) = extract(bad_file("encrypted.pdf"), "application/pdf");
    let err = out.expect_err("no text");
    assert!(err.contains("encrypted"), "{err}");
}

#[test]
fn a_broken_pdf_gives_a_clear_error() {
    let (out, _) = extract(bad_file("broken.pdf"), "application/pdf");
    let err = out.expect_err("no text");
    assert!(err.contains("PDF could not be read"), "{err}");
}

#[test]
fn a_pdf_bomb_is_refused_before_it_is_inflated() {
    let (out, secs) = extract(bad_file("bomb.pdf"), "application/pdf");
    let err = out.expect_err("no text");
    assert!(err.contains("decompression bomb"), "{err}");
    assert!(secs < 30.0, "{secs} s");
}

/// A WARC record (gzipped) of a response.
fn response_record(url: &str, content_type: &str, body: &[u8], date: &str) -> Vec<u8> {
    use std::io::Write;
    let mut block = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    block.extend_from_slice(body);
    let payload_digest = warc::sha1_digest(body);
    let mut rec = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: {date}\r\nWARC-Target-URI: {url}\r\nWARC-Record-ID: <urn:uuid:{}>\r\nWARC-Payload-Digest: {payload_digest}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        uuid(url),
        block.len()
    )
    .into_bytes();
    rec.extend_from_slice(&block);
    rec.extend_from_slice(b"\r\n\r\n");
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(&rec).expect("gz");
    e.finish().expect("gz")
}

fn uuid(seed: &str) -> String {
    let h = seed
        .bytes()
        .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    format!("00000000-0000-4000-8000-{:012x}", h & 0xffff_ffff_ffff)
}

#[test]
fn indexing_skips_bad_pages_and_orphan_revisits_and_keeps_the_rest() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("tempdir");
    let good = article("<h1>La fibre à Allonnes</h1>");
    let mut warc = Vec::new();
    warc.extend(response_record(
        "http://www.ville-exemple.fr/bon.html",
        "text/html; charset=utf-8",
        good.as_bytes(),
        "2024-03-01T10:00:00Z",
    ));
    warc.extend(response_record(
        "http://www.ville-exemple.fr/bombe.pdf",
        "application/pdf",
        &bad_file("bomb.pdf"),
        "2024-03-01T10:00:01Z",
    ));
    warc.extend(response_record(
        "http://www.ville-exemple.fr/casse.pdf",
        "application/pdf",
        &bad_file("broken.pdf"),
        "2024-03-01T10:00:02Z",
    ));
    // A revisit of a capture that is in no WARC file given.
    let revisit = "WARC/1.1\r\nWARC-Type: revisit\r\nWARC-Date: 2024-03-02T10:00:00Z\r\nWARC-Target-URI: http://www.ville-exemple.fr/disparu.html\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000009>\r\nWARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest\r\nWARC-Refers-To-Target-URI: http://www.ville-exemple.fr/disparu.html\r\nWARC-Refers-To-Date: 2020-01-01T00:00:00Z\r\nWARC-Payload-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(revisit.as_bytes()).expect("gz");
    warc.extend(e.finish().expect("gz"));
    let warc_path = dir.path().join("hostile.warc.gz");
    std::fs::write(&warc_path, warc).expect("write");
    let index = dir.path().join("index");
    let out = Command::new(env!("CARGO_BIN_EXE_indexer"))
        .arg("index")
        .arg("--index")
        .arg(&index)
        .arg(&warc_path)
        .output()
        .expect("indexer runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("bombe.pdf") && stderr.contains("decompression bomb"),
        "{stderr}"
    );
    assert!(stderr.contains("casse.pdf"), "{stderr}");
    assert!(
        stderr.contains("disparu.html"),
        "the orphan revisit is named: {stderr}"
    );
    let search = Command::new(env!("CARGO_BIN_EXE_indexer"))
        .args(["search", "--format", "json", "--index"])
        .arg(&index)
        .arg("fibre")
        .output()
        .expect("search runs");
    let v: serde_json::Value = serde_json::from_slice(&search.stdout).expect("json");
    assert_eq!(v["total"], 1, "{v}\n{stdout}");
}
