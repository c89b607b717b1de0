//! Veille indexer: reads WARC captures from any tool and turns French municipal pages into
//! clean documents (main text, title, date, commune, topics), then into a search index.

pub mod analysis;
pub mod communes;
pub mod export;
pub mod extract;
pub mod indexing;
pub mod life;
pub mod query;
pub mod schema;
pub mod source;
pub mod topics;
