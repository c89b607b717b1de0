//! Property tests of the entry points the fuzz targets exercise (FUZZING.md), so that the
//! normal test suite runs them without a fuzzer: the WARC reader, stored HTTP messages,
//! SURT and URL canonicalisation, robots.txt, sitemaps and the HTML pre-pass.

use std::io::{Cursor, Write};

use proptest::prelude::*;
use url::Url;
use warc::http::{dechunk, decode_content_encoding, parse_response_head};
use warc::{Record, RecordType, WarcReader};

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).expect("compress");
    e.finish().expect("finish")
}

fn url_strategy() -> impl Strategy<Value = String> {
    "(http|https)://(www\\.)?[a-z]{1,12}(-[a-z]{1,8})?\\.(fr|example)(:[1-9][0-9]{1,3})?(/[a-zA-Z0-9._~%-]{0,12}){0,4}(\\?[a-z]{1,6}=[a-z0-9]{0,6}(&[a-z]{1,6}=[a-z0-9]{0,6}){0,3})?(#[a-z]{0,5})?"
}

proptest! {
    // Failures are shrunk and printed; a case found becomes a unit test beside the code.
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any bytes as a WARC file: the reader ends, yielding at most one item per byte.
    #[test]
    fn any_bytes_read_as_a_warc_end(data in proptest::collection::vec(any::<u8>(), 0..4096), gzip in any::<bool>()) {
        let data = if gzip { gz(&data) } else { data };
        let reader = WarcReader::new(Cursor::new(&data), "prop.warc".into()).expect("reader");
        let mut items = 0;
        for item in reader {
            items += 1;
            prop_assert!(items <= data.len() + 1);
            if let Ok(read) = item {
                let _ = warc::cdxj::line_for(&read, "prop.warc");
                let _ = warc::payload::payload(&read.record);
            }
        }
    }

    /// Records written are read back field for field, plain or gzipped per record, and one
    /// corrupted member costs that record only.
    #[test]
    fn written_records_read_back_and_corruption_stays_local(
        records in proptest::collection::vec((url_strategy(), proptest::collection::vec(any::<u8>(), 0..600)), 1..6),
        gzip in any::<bool>(),
        damaged in any::<prop::sample::Index>(),
    ) {
        let built: Vec<Record> = records
            .iter()
            .map(|(uri, block)| {
                let mut r = Record::new(RecordType::Resource, "2024-03-01T10:00:00Z");
                r.push("WARC-Target-URI", uri.clone());
                r.push("Content-Type", "application/octet-stream");
                r.block = block.clone();
                r
            })
            .collect();
        let members: Vec<Vec<u8>> = built
            .iter()
            .map(|r| if gzip { gz(&r.to_bytes()) } else { r.to_bytes() })
            .collect();
        let file: Vec<u8> = members.concat();
        let read: Vec<Record> = WarcReader::new(Cursor::new(&file), "prop.warc".into())
            .expect("reader")
            .map(|i| i.map(|r| r.record))
            .collect::<Result<_, _>>()
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(read.len(), built.len());
        for (a, b) in read.iter().zip(&built) {
            prop_assert_eq!(a.target_uri(), b.target_uri());
            prop_assert_eq!(&a.block, &b.block);
            prop_assert_eq!(a.id(), b.id());
        }
        if gzip {
            // Cut one member in half: every other record is still read.
            let k = damaged.index(members.len());
            let mut file = Vec::new();
            for (i, m) in members.iter().enumerate() {
                file.extend_from_slice(if i == k { &m[..m.len() / 2] } else { m });
            }
            let ids: Vec<String> = WarcReader::new(Cursor::new(&file), "prop.warc".into())
                .expect("reader")
                .filter_map(Result::ok)
                .filter_map(|r| r.record.id().map(str::to_string))
                .collect();
            for (i, r) in built.iter().enumerate() {
                if i != k {
                    prop_assert!(ids.iter().any(|id| Some(id.as_str()) == r.id()), "record {} lost", i);
                }
            }
        }
    }

    /// Any bytes as a stored HTTP message: parsed or refused, never a panic; decoding stays
    /// within its limit.
    #[test]
    fn any_bytes_as_an_http_message(data in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(head) = parse_response_head(&data) {
            prop_assert!(head.body_offset <= data.len());
        }
        let _ = dechunk(&data);
        for enc in ["gzip", "deflate", "br"] {
            let out = decode_content_encoding(Some(enc), &data);
            prop_assert!(out.len() as u64 <= warc::http::MAX_DECODED_BYTES);
        }
    }

    /// A body framed in chunks of any sizes is unframed to itself.
    #[test]
    fn chunked_framing_round_trips(body in proptest::collection::vec(any::<u8>(), 0..3000), size in 1usize..700) {
        let mut framed = Vec::new();
        for chunk in body.chunks(size) {
            framed.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            framed.extend_from_slice(chunk);
            framed.extend_from_slice(b"\r\n");
        }
        framed.extend_from_slice(b"0\r\n\r\n");
        prop_assert_eq!(dechunk(&framed), Some(body));
    }

    /// SURT keys never panic, and ignore the case of the host and a `www.` prefix.
    #[test]
    fn surt_keys_ignore_host_case(url in url_strategy(), noise in "\\PC{0,40}") {
        let _ = warc::cdxj::surt(&noise);
        let host = Url::parse(&url).expect("strategy makes URLs").host_str().unwrap_or_default().to_string();
        let bare = host.strip_prefix("www.").unwrap_or(&host).to_string();
        let with_www = url.replacen(&host, &format!("www.{bare}"), 1);
        let shouted = url.replacen(&host, &host.to_uppercase(), 1);
        prop_assert_eq!(warc::cdxj::surt(&shouted), warc::cdxj::surt(&url));
        prop_assert_eq!(warc::cdxj::surt(&with_www), warc::cdxj::surt(&url.replacen(&host, &bare, 1)));
    }

    /// Canonical URLs are canonical: canonicalising twice changes nothing.
    #[test]
    fn canonicalisation_is_idempotent(url in url_strategy(), href in "\\PC{0,60}") {
        let base = Url::parse(&url).expect("strategy makes URLs");
        if let Some(link) = web::canonical::resolve_link(&base, &href)
            && let Some(once) = web::canonical::canonicalize(&link)
        {
            prop_assert_eq!(web::canonical::canonicalize(&once), Some(once));
        }
    }

    /// Any robots.txt parses; a group disallowing a path disallows everything under it.
    #[test]
    fn robots_rules_hold_for_any_file(noise in proptest::collection::vec(any::<u8>(), 0..2000), path in "/[a-z]{1,8}", rest in "[a-z0-9/]{0,12}") {
        let _ = crawler::robots::RobotsRules::from_response(200, &noise, "Veille/0.1");
        let body = format!("User-agent: *\nDisallow: {path}\n");
        let rules = crawler::robots::RobotsRules::from_response(200, body.as_bytes(), "Veille/0.1");
        let under = format!("http://www.a.example{path}{rest}");
        prop_assert!(!rules.allowed(&under));
    }

    /// Any sitemap text ends with locations or an error; every location of a well-formed one
    /// is found.
    #[test]
    fn sitemaps_give_their_locations(noise in "\\PC{0,300}", paths in proptest::collection::vec("[a-z]{1,10}", 1..10)) {
        let base = Url::parse("http://www.a.example/sitemap.xml").expect("url");
        let _ = web::discover::sitemap_links(&base, noise.as_bytes());
        let xml = format!(
            "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{}</urlset>",
            paths.iter().map(|p| format!("<url><loc>http://www.a.example/{p}?a=1&amp;b=2</loc></url>")).collect::<String>()
        );
        let links = web::discover::sitemap_links(&base, xml.as_bytes()).map_err(TestCaseError::fail)?;
        for p in &paths {
            let want = format!("http://www.a.example/{p}?a=1&b=2");
            prop_assert!(links.urls.iter().any(|u| u.as_str() == want), "{} missing", want);
        }
    }

    /// The HTML pre-pass keeps text and never nests deeper than its limit.
    #[test]
    fn tamed_html_keeps_its_text(depth in 0usize..2000, text in "[a-zA-Zéè ]{1,30}") {
        let page = format!("{}{text}{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let tamed = web::html_limits::tame(&page);
        prop_assert!(tamed.contains(&text));
        prop_assert_eq!(tamed.matches("<div>").count(), depth.min(web::html_limits::MAX_DEPTH));
        prop_assert_eq!(tamed.matches("</div>").count(), depth.min(web::html_limits::MAX_DEPTH));
    }
}
