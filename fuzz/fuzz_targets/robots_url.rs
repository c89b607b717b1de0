//! Any bytes as robots.txt (and as a sitemap), and a URL after the first NUL byte: parsed,
//! canonicalised and matched.
#![no_main]

use web::canonical::{canonicalize, resolve_link};
use crawler::robots::RobotsRules;
use libfuzzer_sys::fuzz_target;
use url::Url;

fuzz_target!(|data: &[u8]| {
    let (body, href) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], String::from_utf8_lossy(&data[i + 1..]).into_owned()),
        None => (data, String::from("/actualites/")),
    };
    let rules = RobotsRules::from_response(200, body, "Veille/0.1 (+https://veille.example/)");
    let _ = rules.crawl_delay();
    let _ = rules.sitemaps();
    let Ok(base) = Url::parse("https://www.ville-exemple.fr/a/b.html?x=1") else {
        return;
    };
    if let Some(link) = resolve_link(&base, &href) {
        let _ = rules.allowed(link.as_str());
        if let Some(canonical) = canonicalize(&link) {
            // Canonical twice is canonical once.
            assert_eq!(canonicalize(&canonical).as_ref(), Some(&canonical), "{link}");
        }
    }
    let _ = web::discover::sitemap_links(&base, body);
    let _ = web::discover::feed_links(&base, body);
});
