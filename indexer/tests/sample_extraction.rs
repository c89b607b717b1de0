//! Extraction checked page by page against the sample site's `_expected.toml` files: title,
//! publication date (or its absence), commune, topics, digital-policy flag, label, article
//! sentences present and boilerplate absent. Expectations live beside the sample pages.

use std::path::PathBuf;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expected {
    page: Vec<ExpectedPage>,
}

#[derive(Debug, Deserialize)]
struct ExpectedPage {
    path: String,
    title: String,
    published: Option<String>,
    commune: String,
    digital_policy: bool,
    topics: Vec<String>,
    label: Option<ExpectedLabel>,
    sentences: Vec<String>,
    boilerplate: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ExpectedLabel {
    rating: u8,
    year: i32,
}

fn sample_dir() -> PathBuf {
    testkit::repo_root().join("data/sample-site")
}

fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
}

#[test]
fn every_sample_page_extracts_as_expected() {
    let sample = sample::server::SampleSite::load(&sample_dir()).expect("sample loads");
    let extractor = indexer::extract::Extractor::new().expect("extractor");
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut hosts = sample.hosts();
    hosts.sort();
    for host in hosts {
        let site = &sample.sites[&host];
        let text = std::fs::read_to_string(site.dir.join("_expected.toml")).expect("expectations");
        let expected: Expected = toml::from_str(&text).expect("expectations parse");
        for page in expected.page {
            let file = if page.path.ends_with('/') {
                site.dir
                    .join(page.path.trim_start_matches('/'))
                    .join("index.html")
            } else {
                site.dir.join(page.path.trim_start_matches('/'))
            };
            let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let content_type = site
                .route(&page.path)
                .and_then(|r| r.content_type.clone())
                .unwrap_or_else(|| sample::server::content_type_for(&file).to_string());
            let url = format!("http://{host}{}", page.path);
            let input = indexer::extract::Input {
                bytes: &bytes,
                url: Some(&url),
                content_type: Some(&content_type),
                captured: chrono::NaiveDate::from_ymd_opt(2026, 11, 26),
                seed_insee: Some(&site.entry.insee),
            };
            let doc = extractor.extract(&input).expect("extracts");
            checked += 1;
            let mut p = |what: String| problems.push(format!("{url}: {what}"));
            if doc.title.as_deref().map(squash) != Some(squash(&page.title)) {
                p(format!("title {:?}, expected {:?}", doc.title, page.title));
            }
            if doc.published.as_deref() != page.published.as_deref() {
                p(format!(
                    "published {:?}, expected {:?}",
                    doc.published, page.published
                ));
            }
            if doc
                .commune
                .as_ref()
                .and_then(|c| c.commune())
                .map(|c| c.insee.as_str())
                != Some(page.commune.as_str())
            {
                p(format!(
                    "commune {:?}, expected {}",
                    doc.commune, page.commune
                ));
            }
            if doc.digital_policy != page.digital_policy {
                p(format!(
                    "digital_policy {}, expected {} (topics {:?})",
                    doc.digital_policy, page.digital_policy, doc.topics
                ));
            }
            let got: Vec<&str> = doc.topics.iter().map(|t| t.id.as_str()).collect();
            if let Some(first) = page.topics.first()
                && !got.contains(&first.as_str())
            {
                p(format!(
                    "topics {got:?}, expected at least {first:?} of {:?}",
                    page.topics
                ));
            }
            if page.topics.is_empty() && !got.is_empty() {
                p(format!("topics {got:?} on a page about none"));
            }
            match (&doc.label, &page.label) {
                (None, None) => {}
                (Some(l), Some(e)) if l.rating == e.rating && l.year == Some(e.year) => {}
                (got, want) => p(format!("label {got:?}, expected {want:?}")),
            }
            let text = squash(&doc.text);
            for s in &page.sentences {
                if !text.contains(&squash(s)) {
                    p(format!("main text lacks {s:?}"));
                }
            }
            for b in &page.boilerplate {
                if text.contains(&squash(b)) {
                    p(format!("main text keeps boilerplate {b:?}"));
                }
            }
        }
    }
    assert!(checked >= 80, "{checked} pages checked");
    assert!(
        problems.is_empty(),
        "{} problems on {checked} pages:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
