//! `search-server` binary: not implemented yet (see issue 6).

use clap::Parser;

/// Serves the Veille search interface (not implemented yet).
#[derive(Parser)]
#[command(version, about)]
struct Cli {}

fn main() -> anyhow::Result<()> {
    let _cli = Cli::parse();
    anyhow::bail!("the search server is not implemented yet: only `crawler` works in this version")
}
