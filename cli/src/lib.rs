//! What the workspace's binaries (`crawler`, `indexer`, `search-server`) share at their edge:
//! the log set-up and the shutdown signal.

use std::io::IsTerminal;

/// Libraries whose warnings describe the pages they read, not the run: html5ever warns
/// « foster parenting not implemented » on every old table layout whose text sits between
/// rows (that text is kept), and the extraction crates log their own choices. Their
/// messages are shown only when `RUST_LOG` asks for them.
pub const QUIET_LIBRARIES: &str = "html5ever=error,markup5ever=error,selectors=error,trafilatura=error,libreadability=error,justext=error,lopdf=off,pdf_extract=off";

/// Logs to stderr, filtered by `RUST_LOG` or else `default_filter` (`"info"`,
/// `"info,tantivy=warn"`…) with [`QUIET_LIBRARIES`], coloured only on a terminal.
pub fn init_logging(default_filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        tracing_subscriber::EnvFilter::new(format!("{default_filter},{QUIET_LIBRARIES}"))
    });
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
}

/// Completes on Ctrl-C or SIGTERM: the shutdown future the binaries give
/// [`crate::crawl::run`] and their servers.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    {
        let term = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    }
    #[cfg(not(unix))]
    ctrl_c.await;
}
