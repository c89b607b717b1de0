//! The one-command demo: serve the bundled sample sites on loopback, crawl them, index the
//! WARC files, then serve the search over them.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use crawler::config::CrawlConfig;
use crawler::crawl::StartMode;
use indexer::extract::Extractor;
use indexer::indexing::{IndexOptions, index_warcs};
use sample::server::SampleSite;

use crate::params::Limits;
use crate::state::{AppState, shared};

/// Where the demo reads and writes.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// Address of the search server.
    pub bind: SocketAddr,
    /// The sample sites (`data/sample-site`).
    pub sample_dir: PathBuf,
    /// The crawl configuration (`data/crawls/sample.toml`).
    pub config: PathBuf,
    /// Where the WARC files go.
    pub warcs: PathBuf,
    /// Where the index goes.
    pub index: PathBuf,
    /// Address of the replay origin's listener (`None`: archived pages from the search site).
    pub replay_bind: Option<SocketAddr>,
}

/// Runs the demo until `shutdown` completes.
pub async fn run(
    opts: DemoOptions,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    // Bind the search address first: a busy port is reported before minutes of work.
    let listener = tokio::net::TcpListener::bind(opts.bind)
        .await
        .with_context(|| {
            format!(
                "cannot listen on {} (is another server running there? pass --bind 127.0.0.1:PORT)",
                opts.bind
            )
        })?;
    let site_url = format!("http://{}", listener.local_addr()?);
    let replay = match opts.replay_bind {
        Some(bind) => Some(crate::app::bind_replay(bind, None, &site_url).await?),
        None => None,
    };
    let sample = SampleSite::load(&opts.sample_dir).with_context(|| {
        format!(
            "cannot load the sample sites from {} (run from the repository root)",
            opts.sample_dir.display()
        )
    })?;
    let sample_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let sample_addr = sample_listener.local_addr()?;
    println!(
        "1/3 Serving the {} bundled sample sites on http://{sample_addr} (loopback only)",
        sample.sites.len()
    );
    let sample_server = tokio::spawn(sample::server::serve(sample_listener, Arc::new(sample)));
    let mut config = CrawlConfig::from_file(&opts.config).with_context(|| {
        format!(
            "cannot read the crawl configuration {}",
            opts.config.display()
        )
    })?;
    config.point_at(sample_addr);
    config.output.dir = opts.warcs.clone();
    println!(
        "    crawling {} seeds into {} …",
        config.seeds.len(),
        opts.warcs.display()
    );
    let report = crawler::crawl::run(config, StartMode::Fresh, std::future::pending()).await?;
    println!(
        "    {} captures ({} new, {} changed, {} unchanged) in {:.1} s",
        report.captures, report.new, report.changed, report.unchanged, report.seconds
    );
    // Replay must not depend on the live sites: stop them before serving.
    sample_server.abort();

    println!(
        "2/3 Indexing {} into {} …",
        opts.warcs.display(),
        opts.index.display()
    );
    let (index_dir, warcs) = (opts.index.clone(), opts.warcs.clone());
    let summary = tokio::task::spawn_blocking(move || {
        let extractor = Extractor::new()?;
        let options = IndexOptions {
            progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
            ..IndexOptions::default()
        };
        match index_warcs(
            &index_dir,
            std::slice::from_ref(&warcs),
            &extractor,
            options,
        ) {
            // The demo's own index, built by an older Veille: rebuilt from the WARC files,
            // which are kept.
            Err(indexer::indexing::IndexError::OldSchema { path }) => {
                println!(
                    "    {} was built by an older Veille: rebuilding it from the WARC files",
                    path.display()
                );
                std::fs::remove_dir_all(&path)?;
                index_warcs(&index_dir, &[warcs], &extractor, options).map_err(anyhow::Error::from)
            }
            other => other.map_err(anyhow::Error::from),
        }
    })
    .await??;
    println!(
        "    {} documents in the index ({} added, {} captures merged)",
        summary.documents_total, summary.documents_added, summary.captures_merged
    );

    let mut state = AppState::open(&opts.index, &opts.warcs, Limits::default())?;
    let replay_listener = match replay {
        Some((l, origin)) => {
            println!(
                "    archived pages are served from their own origin, {}/",
                origin.replay_url
            );
            state = state.with_replay_origin(origin);
            Some(l)
        }
        None => None,
    };
    println!("3/3 Search ready: open {site_url}/ (Ctrl-C to stop)");
    println!("    try: {site_url}/?q=fibre+optique  ·  {site_url}/?q=villes+internet&sort=date");
    crate::app::serve_both(listener, replay_listener, shared(state), shutdown).await?;
    println!("Stopped.");
    Ok(())
}
