//! Any bytes as an HTML page: the whole extraction (both extractors, title, date, page type,
//! communes, topics, label) and the replay's link rewriting.
#![no_main]

use std::sync::OnceLock;

use chrono::NaiveDate;
use indexer::extract::{Extractor, Input};
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: OnceLock<Option<Extractor>> = OnceLock::new();

const URL: &str = "https://www.ville-exemple.fr/actualites/2024/fibre.html";

fuzz_target!(|data: &[u8]| {
    let extractor = EXTRACTOR.get_or_init(|| {
        // The extraction catches a third-party extractor's panic and goes on without it, as
        // in production: the default hook, not libFuzzer's abort-on-any-panic. A panic of
        // our own still ends the run (it unwinds out of the target).
        let _ = std::panic::take_hook();
        Extractor::new().ok()
    });
    let Some(extractor) = extractor else {
        return;
    };
    let input = Input {
        bytes: data,
        url: Some(URL),
        content_type: Some("text/html"),
        captured: NaiveDate::from_ymd_opt(2024, 6, 1),
        seed_insee: None,
    };
    let _ = extractor.extract(&input);
    let html = String::from_utf8_lossy(data);
    let _ = search_server::replay::rewrite_html(&html, URL, "20240101000000", "http://127.0.0.1:8080");
});
