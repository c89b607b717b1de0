//! One `indexer index` at a time on an index directory: a second one exits with status 2 and
//! a message saying another run is writing it, and leaves the index as it was.

mod common;

use common::*;

#[test]
fn a_second_writer_is_refused_clearly() {
    let dir = work_dir("index-lock");
    let index_dir = dir.join("index");
    let index = indexer::indexing::open_or_create(&index_dir).expect("index");
    // Another run's writer, holding Tantivy's writer lock.
    let writer: tantivy::IndexWriter = index
        .writer_with_num_threads(1, 15_000_000)
        .expect("first writer");
    let warc = dir.join("vide.warc");
    std::fs::write(&warc, b"").expect("empty WARC written");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_indexer"))
        .args(["index", "--index"])
        .arg(&index_dir)
        .arg(&warc)
        .output()
        .expect("indexer runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("being written by another `indexer index`")
            && stderr.contains(&index_dir.display().to_string()),
        "{stderr}"
    );
    drop(writer);
}
