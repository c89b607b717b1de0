//! Reading captures from WARC files written by other tools (Python's warcio, wget) and by a
//! Veille crawl, and from a WARC with a corrupted record in the middle; then extracting them.

mod common;

use common::*;
use std::collections::HashSet;

use std::path::Path;
use std::process::Command;

use indexer::extract::{Extractor, Input};
use indexer::source::{CaptureBody, Captures};

/// The captures answering 200 with HTML, with their payloads.
fn html_pages(
    caps: &Captures,
) -> impl Iterator<Item = (&indexer::source::Capture, &warc::payload::Payload)> {
    caps.captures.iter().filter_map(|c| match &c.body {
        CaptureBody::Full(p)
            if p.status == 200
                && p.content_type
                    .as_deref()
                    .unwrap_or_default()
                    .contains("html") =>
        {
            Some((c, p))
        }
        _ => None,
    })
}

fn body_text(c: &indexer::source::Capture) -> String {
    match &c.body {
        CaptureBody::Full(p) => String::from_utf8_lossy(&p.body).into_owned(),
        CaptureBody::Revisit(_) | CaptureBody::Unlinked => String::new(),
    }
}

#[test]
fn warcio_warc_gzip_and_chunked_payloads_decode_and_revisit_resolves() {
    let Some(python) = external_tool("python3") else {
        return;
    };
    if !Command::new(&python)
        .args(["-c", "import warcio"])
        .status()
        .is_ok_and(|s| s.success())
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "warcio is not importable: run scripts/test.sh"
        );
        return;
    }
    let dir = work_dir("indexer-warcio");
    let warc = dir.join("warcio.warc.gz");
    let ok = Command::new(&python)
        .arg(repo_root().join("crawler/tests/fixtures/make_warcio_warc.py"))
        .arg(&warc)
        .status()
        .expect("python runs");
    assert!(ok.success());
    let mut caps = Captures::default();
    caps.read_file(&warc).expect("read");
    assert!(caps.errors.is_empty(), "{:?}", caps.errors);
    let by_url = |u: &str| {
        caps.captures
            .iter()
            .find(|c| c.url == u && matches!(c.body, CaptureBody::Full(_)))
            .expect(u)
    };
    assert!(
        body_text(by_url("http://www.exemple.fr/actualites/fibre.html"))
            .contains("La fibre arrive à Allonnes.")
    );
    assert_eq!(
        body_text(by_url("http://www.exemple.fr/conseil.html?b=2&a=1")),
        "<p>Conseil municipal du 31 janvier</p>"
    );
    assert_eq!(
        body_text(by_url("http://www.exemple.fr/notes.txt")),
        "Notes de séance"
    );
    let revisit = caps
        .captures
        .iter()
        .find_map(|c| match &c.body {
            CaptureBody::Revisit(t) => Some(t),
            CaptureBody::Full(_) | CaptureBody::Unlinked => None,
        })
        .expect("a revisit");
    let original = caps.resolve(revisit).expect("the revisit resolves");
    assert_eq!(original.url, "http://www.exemple.fr/actualites/fibre.html");
    // The gzip-encoded page extracts as French text.
    let extractor = Extractor::new().expect("extractor");
    let CaptureBody::Full(p) = &original.body else {
        unreachable!()
    };
    let doc = extractor
        .extract(&Input {
            bytes: &p.body,
            url: Some(&original.url),
            content_type: p.content_type.as_deref(),
            captured: None,
            seed_insee: None,
        })
        .expect("extracts");
    assert!(doc.text.contains("La fibre arrive à Allonnes."));
}

#[test]
fn corrupted_record_in_the_middle_is_skipped_with_its_offset() {
    use warc::{Record, RecordType, WarcWriter, WriterConfig};
    // Not under target/tmp/warcs: scripts/test.sh checks every WARC there with warcio, and
    // this one is broken on purpose.
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().to_path_buf();
    let mut w = WarcWriter::new(WriterConfig {
        dir: dir.clone(),
        prefix: "corrupt".into(),
        max_file_bytes: 1 << 30,
        warcinfo: vec![],
    })
    .expect("writer");
    let mut written = Vec::new();
    for (i, text) in ["un", "deux", "trois"].iter().enumerate() {
        let out = w
            .write_group(|_| {
                let mut r = Record::new(RecordType::Resource, "2013-01-31T10:00:00Z");
                r.push("WARC-Target-URI", format!("http://www.exemple.fr/{i}.txt"));
                r.push("Content-Type", "text/plain");
                r.block = text.repeat(200).into_bytes();
                vec![r]
            })
            .expect("write");
        written.extend(out);
    }
    let path = w.close().expect("close").expect("file");
    let mut bytes = std::fs::read(&path).expect("read");
    let middle = &written[1];
    let at = (middle.offset + middle.length / 2) as usize;
    for b in &mut bytes[at..at + 8] {
        *b ^= 0x5a;
    }
    std::fs::write(&path, &bytes).expect("write");
    let mut caps = Captures::default();
    caps.read_file(&path).expect("read");
    let urls: Vec<&str> = caps.captures.iter().map(|c| c.url.as_str()).collect();
    assert_eq!(
        urls,
        ["http://www.exemple.fr/0.txt", "http://www.exemple.fr/2.txt"]
    );
    assert_eq!(caps.errors.len(), 1);
    assert_eq!(caps.errors[0].offset, middle.offset);
    assert!(
        caps.errors[0]
            .to_string()
            .contains(&path.display().to_string())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wget_warc_of_the_sample_reads_and_extracts() {
    let Some(wget) = external_tool("wget") else {
        return;
    };
    let addr = start_sample_server(sample_site()).await;
    let dir = work_dir("indexer-wget");
    wget_warc(
        &wget,
        &dir,
        addr,
        "http://www.sable-sur-sarthe.example/",
        "wget",
        1,
        &[],
    )
    .await;
    let mut caps = Captures::default();
    caps.read_file(&dir.join("wget.warc.gz")).expect("read");
    assert!(caps.errors.is_empty(), "{:?}", caps.errors);
    let extractor = Extractor::new().expect("extractor");
    let mut pages = 0;
    for (c, p) in html_pages(&caps) {
        let doc = extractor
            .extract(&Input {
                bytes: &p.body,
                url: Some(&c.url),
                content_type: p.content_type.as_deref(),
                captured: None,
                seed_insee: None,
            })
            .expect("extracts");
        // No seed from wget: the commune comes from the host and the page.
        assert_eq!(
            doc.commune
                .as_ref()
                .and_then(|f| f.commune())
                .map(|c| c.insee.as_str()),
            Some("72264"),
            "{}",
            c.url
        );
        pages += 1;
    }
    assert!(pages >= 5, "{pages} pages");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn veille_warc_gives_each_page_its_seed_commune() {
    let addr = start_sample_server(sample_site()).await;
    let dir = work_dir("indexer-veille");
    let mut config =
        crawler::config::CrawlConfig::from_file(&repo_root().join("data/crawls/sample.toml"))
            .expect("config");
    // The two homonym sites: the seed's INSEE code tells them apart.
    config.seeds.retain(|s| s.url.contains("allonnes"));
    config.point_at(addr);
    config.output.dir = dir.clone();
    config.output.state_dir = Some(dir.join("state"));
    let report = crawler::crawl::run(
        config,
        crawler::crawl::StartMode::Fresh,
        std::future::pending(),
    )
    .await
    .expect("crawl");
    let mut caps = Captures::default();
    for f in &report.warc_files {
        caps.read_file(Path::new(f)).expect("read");
    }
    assert_eq!(caps.seeds.len(), 2);
    let extractor = Extractor::new().expect("extractor");
    let mut seen = HashSet::new();
    for (c, p) in html_pages(&caps) {
        let seed = caps.seed_insee(&c.url);
        let doc = extractor
            .extract(&Input {
                bytes: &p.body,
                url: Some(&c.url),
                content_type: p.content_type.as_deref(),
                captured: None,
                seed_insee: seed,
            })
            .expect("extracts");
        let insee = doc
            .commune
            .as_ref()
            .and_then(|f| f.commune())
            .map(|c| c.insee.clone());
        let expected = if c.url.contains("allonnes49") {
            "49002"
        } else {
            "72003"
        };
        assert_eq!(insee.as_deref(), Some(expected), "{}", c.url);
        seen.insert(expected);
    }
    assert_eq!(seen.len(), 2);
}
