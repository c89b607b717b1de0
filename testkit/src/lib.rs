//! Helpers shared by the tests of every crate (a dev-dependency only): where the
//! repository's files are, the bundled sample sites on a free loopback port, independent
//! tools on PATH, and the WARC files a directory holds.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sample::SampleSite;

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The bundled sample sites (`data/sample-site`).
pub fn sample_site() -> SampleSite {
    SampleSite::load(&repo_root().join("data/sample-site")).expect("sample site loads")
}

/// Serves `site` on a free loopback port, on the current Tokio runtime.
pub async fn start_sample_server(site: SampleSite) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    tokio::spawn(sample::serve(listener, Arc::new(site)));
    addr
}

/// An independent tool on PATH (scripts/test.sh installs them into .venv or with apt).
/// Missing, it fails the test under CI and skips the comparison elsewhere, saying so.
pub fn external_tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is not on PATH: scripts/test.sh installs it"
        );
        eprintln!("note: {name} not on PATH; comparison skipped (run scripts/test.sh)");
    }
    found
}

/// The closed WARC files (`*.warc.gz`) of a directory, sorted; none if it does not exist.
pub fn warc_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".warc.gz"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
