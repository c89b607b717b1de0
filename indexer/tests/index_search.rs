//! The index of a sample crawl: French queries answered with the expected documents first
//! (expectations in data/sample-site/queries.toml), idempotent incremental indexing,
//! captures merged over a recrawl, a killed `indexer index` that leaves a usable index, and
//! a bad query that exits with status 2.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use indexer::extract::Extractor;
use indexer::indexing::{IndexOptions, index_warcs};
use indexer::query::{SearchIndex, SearchRequest};
use serde::Deserialize;

#[derive(Deserialize)]
struct Queries {
    query: Vec<ExpectedQuery>,
}

#[derive(Deserialize)]
struct ExpectedQuery {
    q: String,
    commune: Option<String>,
    departement: Option<String>,
    #[serde(default)]
    digital_only: bool,
    first: Option<String>,
    #[serde(default)]
    top3: Vec<String>,
}

async fn crawl(
    site: &sample::server::SampleSite,
    addr: std::net::SocketAddr,
    out: &Path,
) -> crawler::report::CrawlReport {
    let _ = site;
    let mut config =
        crawler::config::CrawlConfig::from_file(&repo_root().join("data/crawls/sample.toml"))
            .expect("config");
    config.point_at(addr);
    config.output.dir = out.to_path_buf();
    config.output.state_dir = Some(out.join("state"));
    // Several WARC files, so that an index run can be killed between two of them.
    config.output.max_warc_bytes = 150_000;
    crawler::crawl::run(
        config,
        crawler::crawl::StartMode::ResumeOrStart,
        std::future::pending(),
    )
    .await
    .expect("crawl")
}

fn indexer_bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_indexer"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sample_index_answers_french_queries_and_grows_incrementally() {
    let site =
        sample::server::SampleSite::load(&repo_root().join("data/sample-site")).expect("sample");
    let version = site.version.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(sample::server::serve(listener, Arc::new(site.clone())));
    let dir = work_dir("indexer-index");
    let warcs = dir.join("warcs");
    let first = crawl(&site, addr, &warcs).await;
    assert!(
        first.warc_files.len() >= 3,
        "{} WARC files",
        first.warc_files.len()
    );
    let extractor = Extractor::new().expect("extractor");

    // Index, then index again: the same documents.
    let index_dir = dir.join("index");
    let run1 = tokio::task::block_in_place(|| {
        index_warcs(
            &index_dir,
            std::slice::from_ref(&warcs),
            &extractor,
            IndexOptions::default(),
        )
    })
    .expect("index");
    assert!(run1.documents_added > 100, "{run1:?}");
    assert_eq!(run1.documents_total, run1.documents_added);
    let run2 = tokio::task::block_in_place(|| {
        index_warcs(
            &index_dir,
            std::slice::from_ref(&warcs),
            &extractor,
            IndexOptions::default(),
        )
    })
    .expect("reindex");
    assert_eq!(run2.files_indexed.len(), 0);
    assert_eq!(
        run2.documents_total, run1.documents_total,
        "indexing twice changes nothing"
    );

    // Writing out and committing every few documents (as large WARC files do) gives the same
    // index.
    let small_flushes = tokio::task::block_in_place(|| {
        index_warcs(
            &dir.join("index-flushes"),
            std::slice::from_ref(&warcs),
            &extractor,
            IndexOptions {
                flush_docs: 7,
                ..IndexOptions::default()
            },
        )
    })
    .expect("index with small flushes");
    assert_eq!(small_flushes.documents_total, run1.documents_total);
    assert_eq!(small_flushes.captures_merged, run1.captures_merged);

    // A run interrupted inside a WARC file (after a few of the commits that bound memory) is
    // taken up where its last commit stopped, not from the file's start, and gives the same
    // index.
    let interrupted_dir = dir.join("index-interrupted");
    let small = IndexOptions {
        flush_docs: 7,
        batch: 8,
        ..IndexOptions::default()
    };
    let stopped = tokio::task::block_in_place(|| {
        index_warcs(
            &interrupted_dir,
            std::slice::from_ref(&warcs),
            &extractor,
            IndexOptions {
                stop_after_commits: Some(3),
                ..small
            },
        )
    })
    .expect("interrupted run");
    assert!(stopped.interrupted, "{stopped:?}");
    assert!(
        stopped.documents_total > 0 && stopped.documents_total < run1.documents_total,
        "{stopped:?}"
    );
    let taken_up = tokio::task::block_in_place(|| {
        index_warcs(
            &interrupted_dir,
            std::slice::from_ref(&warcs),
            &extractor,
            small,
        )
    })
    .expect("resumed run");
    let (file, offset) = taken_up.resumed.clone().expect("taken up inside a file");
    assert!(offset > 0, "{file} from {offset}");
    assert!(
        taken_up.records_read < run1.records_read,
        "the resumed run reads {} records, a whole run {}",
        taken_up.records_read,
        run1.records_read
    );
    assert_eq!(taken_up.documents_total, run1.documents_total);
    let whole = SearchIndex::open(&index_dir)
        .expect("open")
        .stats()
        .expect("stats");
    let resumed = SearchIndex::open(&interrupted_dir)
        .expect("open")
        .stats()
        .expect("stats");
    assert_eq!(
        (resumed.documents, resumed.captures, resumed.topics),
        (whole.documents, whole.captures, whole.topics)
    );

    // Queries and their expected first documents.
    let search = SearchIndex::open(&index_dir).expect("open");
    let queries: Queries = toml::from_str(
        &std::fs::read_to_string(repo_root().join("data/sample-site/queries.toml"))
            .expect("queries"),
    )
    .expect("queries parse");
    let mut problems = Vec::new();
    for q in &queries.query {
        let results = search
            .search(&SearchRequest {
                query: q.q.clone(),
                commune: q.commune.clone(),
                departement: q.departement.clone(),
                digital_only: q.digital_only,
                limit: 3,
                ..SearchRequest::default()
            })
            .expect("search");
        let urls: Vec<&str> = results.hits.iter().map(|h| h.url.as_str()).collect();
        if let Some(first) = &q.first
            && urls.first() != Some(&first.as_str())
        {
            problems.push(format!(
                "{:?}: first {:?}, expected {first}",
                q.q,
                urls.first()
            ));
        }
        for u in &q.top3 {
            if !urls.contains(&u.as_str()) {
                problems.push(format!("{:?}: {u} not in the top 3 {urls:?}", q.q));
            }
        }
        if let Some(h) = results.hits.first() {
            assert!(
                h.snippet_html.contains("<b>") || h.snippet.is_empty() || !h.snippet.contains('['),
                "highlighted snippet"
            );
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // Every facet count is the number of documents the same search finds with that value as
    // a filter.
    for q in ["", "numérique", "conseil municipal"] {
        let base = SearchRequest {
            query: q.into(),
            limit: 1,
            no_snippets: true,
            ..SearchRequest::default()
        };
        let facets = search.search(&base).expect("search").facets;
        assert!(
            !facets.communes.is_empty() && !facets.topics.is_empty(),
            "{q:?}: {facets:?}"
        );
        let total = |req: SearchRequest| search.search(&req).expect("filtered").total as u64;
        let year = |y: &str, month, day| {
            y.parse()
                .ok()
                .and_then(|y| chrono::NaiveDate::from_ymd_opt(y, month, day))
        };
        // Each facet, and the filter asking for one of its values.
        type Filter<'a> = Box<dyn Fn(&str) -> SearchRequest + 'a>;
        let facets_and_filters: [(&str, &std::collections::BTreeMap<String, u64>, Filter); 6] = [
            (
                "commune",
                &facets.communes,
                Box::new(|v| SearchRequest {
                    commune: Some(v.into()),
                    ..base.clone()
                }),
            ),
            (
                "département",
                &facets.departements,
                Box::new(|v| SearchRequest {
                    departement: Some(v.into()),
                    ..base.clone()
                }),
            ),
            (
                "topic",
                &facets.topics,
                Box::new(|v| SearchRequest {
                    topics: vec![v.into()],
                    ..base.clone()
                }),
            ),
            (
                "page type",
                &facets.page_types,
                Box::new(|v| SearchRequest {
                    page_types: vec![v.into()],
                    ..base.clone()
                }),
            ),
            (
                "state",
                &facets.states,
                Box::new(|v| SearchRequest {
                    states: vec![v.into()],
                    ..base.clone()
                }),
            ),
            (
                "year",
                &facets.years,
                Box::new(|v| SearchRequest {
                    from: year(v, 1, 1),
                    to: year(v, 12, 31),
                    ..base.clone()
                }),
            ),
        ];
        let mut checked = 0;
        for (facet, counts, filter) in &facets_and_filters {
            for (value, n) in counts.iter() {
                assert_eq!(total(filter(value)), *n, "{q:?} {facet} {value}");
                checked += 1;
            }
        }
        assert!(checked > 10, "{q:?}: {checked} facet values");
    }
    let stats = search.stats().expect("stats");
    assert_eq!(stats.documents, run1.documents_total);
    assert_eq!(
        stats.captures, stats.documents,
        "one capture each after one crawl"
    );
    assert_eq!(stats.communes, 6);

    // A killed index run leaves a usable index; the rerun completes it.
    let killed_dir = dir.join("index-killed");
    let mut child = indexer_bin()
        .args(["index", "--index"])
        .arg(&killed_dir)
        .arg(&warcs)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("indexer starts");
    // Kill once the first WARC file is committed (the commit's meta.json names it).
    let mut polls = 0;
    loop {
        let meta = std::fs::read_to_string(killed_dir.join("meta.json")).unwrap_or_default();
        if meta.contains("warc.gz") {
            break;
        }
        assert!(
            child.try_wait().expect("poll").is_none(),
            "index run ended before the kill point"
        );
        assert!(polls < 6000, "no commit after 60 s");
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        polls += 1;
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    let partial = SearchIndex::open(&killed_dir)
        .expect("the killed index opens")
        .stats()
        .expect("stats");
    assert!(partial.documents > 0 && partial.documents <= run1.documents_total);
    let rerun = tokio::task::block_in_place(|| {
        index_warcs(
            &killed_dir,
            std::slice::from_ref(&warcs),
            &extractor,
            IndexOptions::default(),
        )
    })
    .expect("rerun");
    assert_eq!(
        rerun.documents_total, run1.documents_total,
        "the rerun completes the killed run"
    );

    // Phrases, searched through the text's word pairs: a document rewritten with a new
    // capture date keeps its pairs (they are indexed, not stored).
    let phrases = [
        "\"conseil municipal\"",
        "\"fibre optique\"",
        "\"Villes Internet\"",
        "\"en ligne\"",
    ];
    let phrase_totals = |index: &SearchIndex| -> Vec<usize> {
        phrases
            .iter()
            .map(|q| {
                index
                    .search(&SearchRequest {
                        query: q.to_string(),
                        limit: 1,
                        no_facets: true,
                        no_snippets: true,
                        ..SearchRequest::default()
                    })
                    .expect("phrase")
                    .total
            })
            .collect()
    };
    let totals_before = phrase_totals(&SearchIndex::open(&index_dir).expect("open"));
    assert!(totals_before.iter().all(|n| *n > 0), "{totals_before:?}");

    // A recrawl of the changed site: unchanged pages add a capture, not a document.
    version.store(1, std::sync::atomic::Ordering::SeqCst);
    let second = crawl(&site, addr, &warcs).await;
    assert!(second.unchanged > 100);
    let run3 = tokio::task::block_in_place(|| {
        index_warcs(
            &index_dir,
            std::slice::from_ref(&warcs),
            &extractor,
            IndexOptions::default(),
        )
    })
    .expect("index recrawl");
    // Unchanged pages merge; unchanged images, stylesheets and feeds were never documents.
    assert!(run3.captures_merged > 100, "{run3:?}");
    assert!(run3.captures_merged <= second.unchanged);
    assert!(
        run3.documents_added >= 2,
        "the new article and the changed list: {run3:?}"
    );
    assert_eq!(
        run3.documents_total,
        run1.documents_total + run3.documents_added
    );
    let search = SearchIndex::open(&index_dir).expect("open");
    for ((q, before), after) in phrases
        .iter()
        .zip(&totals_before)
        .zip(phrase_totals(&search))
    {
        assert!(
            after >= *before,
            "{q}: {before} documents before the recrawl, {after} after (documents only add up)"
        );
    }
    let stats = search.stats().expect("stats");
    assert_eq!(stats.documents, run3.documents_total);
    assert_eq!(stats.captures, stats.documents + run3.captures_merged);
    let hits = search
        .search(&SearchRequest {
            query:
                "url:\"http://www.allonnes.example/actualites/2013/fibre-optique-deploiement.html\""
                    .into(),
            limit: 5,
            ..SearchRequest::default()
        })
        .expect("search");
    assert_eq!(hits.total, 1, "one document for the unchanged page");
    assert_eq!(hits.hits[0].captures.len(), 2, "with both capture dates");

    // A bad query: a clear message and exit status 2.
    let out = indexer_bin()
        .args(["search", "--index"])
        .arg(&index_dir)
        .arg("fibre \"très haut")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("column 7") && err.contains("unclosed quote"),
        "{err}"
    );
    // Words with an apostrophe, as a French keyboard types them (and as a word processor does).
    for q in [
        "l'école Saint-Exupéry",
        "l’école Saint-Exupéry",
        "\"l'école Saint-Exupéry\"",
    ] {
        let out = indexer_bin()
            .args(["search", "--index"])
            .arg(&index_dir)
            .arg(q)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{q}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("tablettes-ecole-saint-exupery"),
            "{q}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    for format in ["json", "csv", "text"] {
        let out = indexer_bin()
            .args(["search", "--index"])
            .arg(&index_dir)
            .args([
                "fibre",
                "--format",
                format,
                "--departement",
                "72",
                "--sort",
                "date",
            ])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("fibre"),
            "{format}"
        );
    }
}
