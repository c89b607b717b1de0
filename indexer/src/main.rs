//! `indexer`: extract clean documents from HTML/PDF files and WARC captures.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indexer::extract::{Extractor, Input};

/// Veille's indexer: from WARC captures of French municipal pages to clean documents.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print what is extracted from one HTML (or PDF) file.
    Extract(ExtractArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// All fields, as JSON.
    Json,
    /// The main text alone.
    Text,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// The HTML or PDF file.
    file: PathBuf,
    /// The page's URL (resolves links; host and path help find the commune and the date).
    #[arg(long)]
    url: Option<String>,
    /// The Content-Type it was served with (its charset is then used) [default: from the
    /// file's bytes].
    #[arg(long)]
    content_type: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
}

fn main() -> std::process::ExitCode {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn extract(args: ExtractArgs) -> Result<()> {
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let content_type = args.content_type.clone().or_else(|| {
        let name = args.file.to_string_lossy().to_ascii_lowercase();
        name.ends_with(".pdf")
            .then(|| "application/pdf".to_string())
    });
    let extractor = Extractor::new()?;
    let doc = extractor
        .extract(&Input {
            bytes: &bytes,
            url: args.url.as_deref(),
            content_type: content_type.as_deref(),
            captured: Some(chrono::Utc::now().date_naive()),
            seed_insee: None,
        })
        .with_context(|| format!("cannot extract {}", args.file.display()))?;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&doc)?),
        Format::Text => println!("{}", doc.text),
    }
    Ok(())
}
