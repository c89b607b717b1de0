//! Helpers shared by the indexer's integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

// Each test file uses some of them.
#[allow(unused_imports)]
pub use testkit::{
    external_tool, repo_root, sample_site, start_sample_server, warc_files, wget_warc,
};

/// A fresh directory under target/tmp/warcs (WARC files there are checked by warcio in
/// scripts/test.sh).
pub fn work_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("warcs")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create dir");
    dir
}
