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

/// Crawls `url` with wget (`wget`, from [`external_tool`]) through the sample server
/// `proxy` (wget takes it as its HTTP proxy), `level` links deep, into
/// `dir/WARC_NAME.warc.gz`, with `extra` arguments; panics unless wget ends with 0 or 8 (8: a
/// link answered an error status, as the sample has on purpose).
pub async fn wget_warc(
    wget: &Path,
    dir: &Path,
    proxy: SocketAddr,
    url: &str,
    warc_name: &str,
    level: u32,
    extra: &[&str],
) {
    let mut command = std::process::Command::new(wget);
    command
        .current_dir(dir)
        .arg("--recursive")
        .arg(format!("--level={level}"))
        .args(["--no-verbose", "--delete-after", "--no-directories"])
        .args(extra)
        .args(["-e", "use_proxy=on", "-e"])
        .arg(format!("http_proxy=http://{proxy}"))
        .arg("--warc-file")
        .arg(warc_name)
        .arg(url);
    let out = tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("join")
        .expect("wget runs");
    assert!(
        matches!(out.status.code(), Some(0 | 8)),
        "wget: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
