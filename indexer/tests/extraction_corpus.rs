//! Extraction on the project's French municipal pages (data/extraction-corpus/): main text,
//! title and publication date against their gold, and page types against the manifest, each
//! held to a floor measured when the corpus was written, so that a change that loses quality
//! on these pages fails. Scores are printed per page where they miss.

use std::collections::HashMap;
use std::path::Path;

use indexer::extract::{Extractor, Input};
use serde::Deserialize;

mod common;
use common::repo_root;

#[derive(Deserialize)]
struct Meta {
    title: String,
    #[serde(rename = "publishedTime")]
    published: Option<String>,
    url: Option<String>,
}

#[derive(Deserialize)]
struct TypedPage {
    file: String,
    url: String,
    page_type: String,
}

/// Words of a text (letters and digits), as the article-extraction benchmarks count them.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// 4-word shingles with their counts.
fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let words = tokens(text);
    let mut out = HashMap::new();
    if words.len() < 4 {
        if !words.is_empty() {
            *out.entry(words).or_default() += 1;
        }
        return out;
    }
    for w in words.windows(4) {
        *out.entry(w.to_vec()).or_default() += 1;
    }
    out
}

fn precision_recall(gold: &str, got: &str) -> (f64, f64) {
    let (g, p) = (shingles(gold), shingles(got));
    let common: usize = p
        .iter()
        .map(|(k, n)| (*n).min(g.get(k).copied().unwrap_or(0)))
        .sum();
    let (np, ng): (usize, usize) = (p.values().sum(), g.values().sum());
    (
        if np == 0 {
            0.0
        } else {
            common as f64 / np as f64
        },
        if ng == 0 {
            1.0
        } else {
            common as f64 / ng as f64
        },
    )
}

fn extract(extractor: &Extractor, path: &Path, url: Option<&str>) -> indexer::extract::Extracted {
    let bytes = std::fs::read(path).expect("page readable");
    extractor
        .extract(&Input {
            bytes: &bytes,
            url,
            content_type: Some("text/html"),
            captured: chrono::NaiveDate::from_ymd_opt(2026, 12, 1),
            seed_insee: None,
        })
        .expect("extracts")
}

#[test]
fn french_municipal_pages_extract_at_their_measured_level() {
    let root = repo_root().join("data/extraction-corpus");
    let extractor = Extractor::new().expect("extractor");
    let mut names: Vec<String> = std::fs::read_dir(root.join("pages"))
        .expect("pages")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    let (mut titles, mut dates) = (0usize, 0usize);
    let mut report = Vec::new();
    for name in &names {
        let dir = root.join("pages").join(name);
        let meta: Meta = serde_json::from_str(
            &std::fs::read_to_string(dir.join("expected-metadata.json")).expect("metadata"),
        )
        .expect("metadata parses");
        let gold_html = std::fs::read_to_string(dir.join("expected.html")).expect("gold");
        let gold = scraper::Html::parse_document(&gold_html)
            .root_element()
            .text()
            .collect::<Vec<_>>()
            .join(" ");
        let e = extract(&extractor, &dir.join("source.html"), meta.url.as_deref());
        let (p, r) = precision_recall(&gold, &e.text);
        ps.push(p);
        rs.push(r);
        if p < 0.8 || r < 0.8 {
            report.push(format!("{name}: text precision {p:.2} recall {r:.2}"));
        }
        let norm = |t: &str| {
            t.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace('’', "'")
        };
        if e.title.as_deref().map(norm) == Some(norm(&meta.title)) {
            titles += 1;
        } else {
            report.push(format!(
                "{name}: title {:?}, expected {:?}",
                e.title, meta.title
            ));
        }
        if e.published == meta.published.as_ref().map(|d| d[..10].to_string()) {
            dates += 1;
        } else {
            report.push(format!(
                "{name}: date {:?} ({:?}), expected {:?}",
                e.published, e.published_source, meta.published
            ));
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let (p, r) = (mean(&ps), mean(&rs));
    let f1 = 2.0 * p * r / (p + r);
    let n = names.len();
    let manifest: Vec<TypedPage> = serde_json::from_str(
        &std::fs::read_to_string(root.join("page-types/manifest.json")).expect("manifest"),
    )
    .expect("manifest parses");
    let mut typed = 0;
    for t in &manifest {
        let e = extract(
            &extractor,
            &root.join("page-types").join(&t.file),
            Some(&t.url),
        );
        if e.page_type.as_str() == t.page_type {
            typed += 1;
        } else {
            report.push(format!(
                "{}: page type {}, expected {}",
                t.file,
                e.page_type.as_str(),
                t.page_type
            ));
        }
    }
    println!("{}", report.join("\n"));
    println!(
        "{n} pages: text F1 {f1:.3} (precision {p:.3}, recall {r:.3}); titles {titles}/{n}; dates {dates}/{n} (no date counted as one); page types {typed}/{}",
        manifest.len()
    );
    assert!(n >= 30 && manifest.len() >= 24);
    assert!(f1 >= 0.95, "text F1 {f1:.3}");
    assert!(titles * 100 >= n * 88, "titles {titles}/{n}");
    assert!(dates * 100 >= n * 90, "dates {dates}/{n}");
    assert!(
        typed * 100 >= manifest.len() * 90,
        "page types {typed}/{}",
        manifest.len()
    );
}
