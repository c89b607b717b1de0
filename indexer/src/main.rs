//! `indexer` binary: not implemented yet (see issues 4 and 5).

use clap::Parser;

/// Reads WARC files and builds the Veille search index (not implemented yet).
#[derive(Parser)]
#[command(version, about)]
struct Cli {}

fn main() -> anyhow::Result<()> {
    let _cli = Cli::parse();
    anyhow::bail!("the indexer is not implemented yet: only `crawler` works in this version")
}
