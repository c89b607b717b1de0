//! Any text as a search query (and as a commune filter) on a small index: parsed, checked
//! and run, with facets and snippets.
#![no_main]

use std::sync::OnceLock;

use indexer::query::{SearchIndex, SearchRequest};
use libfuzzer_sys::fuzz_target;

struct Fixture {
    _dir: tempfile::TempDir,
    index: SearchIndex,
}

static INDEX: OnceLock<Option<Fixture>> = OnceLock::new();

/// Three documents, as `indexer dump` writes them.
const DOCS: &str = include_str!("../seeds/documents.jsonl");

fn fixture() -> Option<Fixture> {
    let dir = tempfile::tempdir().ok()?;
    indexer::indexing::index_json_lines(dir.path(), DOCS.as_bytes()).ok()?;
    let index = SearchIndex::open(dir.path()).ok()?;
    Some(Fixture { _dir: dir, index })
}

fuzz_target!(|data: &[u8]| {
    let Some(fixture) = INDEX.get_or_init(fixture) else {
        return;
    };
    let text = String::from_utf8_lossy(data);
    let _ = indexer::query::check_syntax(&text);
    let request = SearchRequest {
        query: text.to_string(),
        limit: 10,
        ..SearchRequest::default()
    };
    let _ = fixture.index.search(&request);
    let by_commune = SearchRequest {
        commune: Some(text.chars().take(60).collect()),
        limit: 10,
        ..SearchRequest::default()
    };
    let _ = fixture.index.search(&by_commune);
});
