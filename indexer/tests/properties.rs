//! Property tests of the extraction and the query layer (the entry points of the
//! `html_extract` and `query_parser` fuzz targets, FUZZING.md): any page or query ends in a
//! document, an answer or a clear error.

use std::sync::OnceLock;

use chrono::NaiveDate;
use indexer::extract::{Extractor, Input};
use indexer::query::{QueryError, SearchIndex, SearchRequest};
use proptest::prelude::*;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new().expect("extractor"))
}

/// Tag soup: French words, dates, tags opened and closed in any order, attributes, entities.
fn soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Zéèàçô' ]{1,40}",
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"article\">".to_string()),
        Just("</div>".to_string()),
        Just("<h1>".to_string()),
        Just("</h1>".to_string()),
        Just("<time datetime=\"2021-03-04\">".to_string()),
        Just("Publié le 12 février 2024".to_string()),
        Just("<a href=\"/actualites/x.html\">".to_string()),
        Just("</a>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("&amp;&nbsp;&#233;&bogus;".to_string()),
        Just("<script>var a = '<p>';</script>".to_string()),
        Just("Allonnes (72) obtient 4 @ au label Villes Internet".to_string()),
        "\\PC{0,20}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any page extracts to a document, never dated after its capture.
    #[test]
    fn any_page_extracts(page in soup()) {
        let captured = NaiveDate::from_ymd_opt(2024, 6, 1);
        let doc = extractor()
            .extract(&Input {
                bytes: page.as_bytes(),
                url: Some("https://www.ville-allonnes.fr/actualites/2024/fibre.html"),
                content_type: Some("text/html; charset=utf-8"),
                captured,
                seed_insee: None,
            })
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        if let Some(p) = &doc.published {
            prop_assert!(p.as_str() <= "2024-06-01", "published {p} after the capture");
        }
    }

    /// Any query is answered or refused as a syntax or filter error.
    #[test]
    fn any_query_is_answered_or_refused(q in "\\PC{0,120}", ops in proptest::collection::vec(prop_oneof![Just("AND"), Just("OR"), Just("-"), Just("\""), Just("("), Just(")"), Just("title:"), Just("l'"), Just("’")], 0..8)) {
        let index = search_index();
        let query = format!("{q} {}", ops.join(" "));
        let _ = indexer::query::check_syntax(&query);
        match index.search(&SearchRequest { query: query.clone(), limit: 5, ..SearchRequest::default() }) {
            Ok(_) | Err(QueryError::Syntax { .. }) | Err(QueryError::Filter(_)) => {}
            Err(e) => prop_assert!(false, "{query:?}: {e}"),
        }
    }
}

/// A small index of three documents, as `indexer dump` writes them.
fn search_index() -> &'static SearchIndex {
    static I: OnceLock<(tempfile::TempDir, SearchIndex)> = OnceLock::new();
    &I.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let docs = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/seeds/documents.jsonl"),
        )
        .expect("documents");
        indexer::indexing::index_json_lines(dir.path(), docs.as_slice()).expect("index");
        let index = SearchIndex::open(dir.path()).expect("open");
        (dir, index)
    })
    .1
}
