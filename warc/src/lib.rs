//! The archive format, the project's one implementation of it: every WARC byte the crawler
//! writes, the indexer reads or the server replays goes through this crate.
//!
//! - [`record`], [`writer`], [`reader`]: WARC 1.1 records, written one gzip member each,
//!   read from any tool's files; [`repair`] of files left open by a killed crawl;
//! - [`digest`], [`http`] (stored HTTP messages), [`payload`] (chunked framing and
//!   content-encodings undone, revisits);
//! - [`cdxj`] (CDXJ indexes and SURT keys, as pywb's tools write them) and [`verify`]
//!   (fixity: digests and CDXJ lines checked);
//! - [`charset`]: the text of a captured HTML payload;
//! - [`wacz`]: selected captures packaged as a WACZ file, for ReplayWeb.page and pywb.
//!
//! The writer emits
//! `WARC/1.1` records with conventionally cased fields in a stable order, one gzip member per
//! record; the reader accepts WARC 1.0 and 1.1, gzipped per record, gzipped as a whole, or
//! plain, and skips corrupt records with a warning instead of stopping.
//!
//! No maintained crate does this at archive grade (the `warc` crate 0.4 writes WARC/1.0 with
//! lower-cased fields in hash order, no digests, and whole-file gzip), hence our own code.

pub mod cdxj;
pub mod charset;
pub mod digest;
pub mod http;
pub mod payload;
pub mod reader;
pub mod record;
pub mod repair;
pub mod verify;
pub mod wacz;
pub mod writer;

pub use digest::{sha1_digest, verify_digest};
pub use reader::{ReadError, WarcReader};
pub use record::{Record, RecordType};
pub use writer::{WarcWriter, WriterConfig, WrittenRecord};
