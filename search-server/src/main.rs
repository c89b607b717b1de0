//! `search-server`: serves a Veille index (search form, JSON API, replay, exports), or runs
//! the whole demo (`search-server demo`).

/// Many small allocations per request (parsed query, rendered response, snippets): mimalloc
/// spends less time in them than the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use search_server::params::Limits;
use search_server::state::{AppState, shared};

/// Serves the Veille search: web form, JSON API, archived pages and exports.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the bundled sample sites on loopback, crawl them, index them, and serve the
    /// search at --bind.
    Demo(DemoArgs),
}

#[derive(Args)]
struct ServeArgs {
    /// The index directory (written by `indexer index`).
    #[arg(long, default_value = "data/index")]
    index: PathBuf,
    /// The directory of WARC files the index was made from (searched recursively), for replay.
    #[arg(long, default_value = "data/warcs")]
    warcs: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// Longest query, in characters.
    #[arg(long, default_value_t = 500)]
    max_query_chars: usize,
    /// Largest page of results.
    #[arg(long, default_value_t = 100)]
    max_page_size: usize,
    /// Most results in one export.
    #[arg(long, default_value_t = 10_000)]
    max_export: usize,
    /// Rendered search responses kept for identical requests until the index changes
    /// (0: no cache).
    #[arg(long, default_value_t = search_server::state::DEFAULT_CACHE_ENTRIES)]
    cache_entries: usize,
    /// Searches run at once; more wait their turn [default: two per core].
    #[arg(long)]
    max_searches: Option<usize>,
    #[command(flatten)]
    replay: ReplayArgs,
}

#[derive(Args)]
struct ReplayArgs {
    /// Serve archived documents from a second listener at this address: an origin of their
    /// own, sharing no storage or DOM with the search site (pywb's advice), and no cookie
    /// when its host name differs from the search's.
    #[arg(long, value_name = "ADDR")]
    replay_bind: Option<SocketAddr>,
    /// The replay origin's URL as browsers reach it [default: http://localhost:PORT for a
    /// loopback --replay-bind (a host name other than the search's 127.0.0.1, so cookies
    /// are not shared either), else http://ADDR; required for 0.0.0.0].
    #[arg(long, value_name = "URL", requires = "replay_bind")]
    replay_url: Option<String>,
    /// The search site's URL as browsers reach it, for links of archived pages back to it
    /// [default: http://ADDR of --bind; required for 0.0.0.0 with --replay-bind].
    #[arg(long, value_name = "URL")]
    public_url: Option<String>,
}

#[derive(Args)]
struct DemoArgs {
    /// Address of the search server.
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// The sample sites.
    #[arg(long, default_value = "data/sample-site")]
    sample_dir: PathBuf,
    /// The crawl configuration.
    #[arg(long, default_value = "data/crawls/sample.toml")]
    config: PathBuf,
    /// Where the WARC files go.
    #[arg(long, default_value = "data/warcs/sample")]
    warcs: PathBuf,
    /// Where the index goes.
    #[arg(long, default_value = "data/index")]
    index: PathBuf,
    /// Address of the replay origin, the second listener archived documents are served from.
    #[arg(long, default_value = "127.0.0.1:8081")]
    replay_bind: SocketAddr,
    /// Serve archived documents from the search site itself (no second listener).
    #[arg(long, conflicts_with = "replay_bind")]
    same_origin_replay: bool,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    cli::init_logging("info,tantivy=warn");
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        match cli.command {
            Some(Command::Demo(a)) => {
                search_server::demo::run(
                    search_server::demo::DemoOptions {
                        bind: a.bind,
                        sample_dir: a.sample_dir,
                        config: a.config,
                        warcs: a.warcs,
                        index: a.index,
                        replay_bind: (!a.same_origin_replay).then_some(a.replay_bind),
                    },
                    cli::shutdown_signal(),
                )
                .await
            }
            None => serve(cli.serve).await,
        }
    })
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let limits = Limits {
        max_query_chars: args.max_query_chars,
        max_page_size: args.max_page_size,
        max_export: args.max_export,
        ..Limits::default()
    };
    let mut state = AppState::open(&args.index, &args.warcs, limits)?
        .with_cache(args.cache_entries)
        .with_max_searches(
            args.max_searches
                .unwrap_or_else(search_server::state::default_searches),
        );
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .with_context(|| {
            format!(
                "cannot listen on {} (is another server running there? pass --bind 127.0.0.1:PORT)",
                args.bind
            )
        })?;
    let site_url = match &args.replay.public_url {
        Some(url) => url.trim_end_matches('/').to_string(),
        None => format!("http://{}", listener.local_addr()?),
    };
    let mut replay = None;
    if let Some(bind) = args.replay.replay_bind {
        let (replay_listener, origin) =
            search_server::app::bind_replay(bind, args.replay.replay_url.as_deref(), &site_url)
                .await?;
        println!("Archived pages served from {}/", origin.replay_url);
        state = state.with_replay_origin(origin);
        replay = Some(replay_listener);
    }
    println!("Veille search on {site_url}/ (Ctrl-C to stop)");
    search_server::app::serve_both(listener, replay, shared(state), cli::shutdown_signal()).await?;
    println!("Stopped.");
    Ok(())
}
