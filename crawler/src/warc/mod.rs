//! WARC 1.1: building, writing and reading records.
//!
//! This module is the project's one implementation of the archive format. The writer emits
//! `WARC/1.1` records with conventionally cased fields in a stable order, one gzip member per
//! record; the reader accepts WARC 1.0 and 1.1, gzipped per record, gzipped as a whole, or
//! plain, and skips corrupt records with a warning instead of stopping.
//!
//! No maintained crate does this at archive grade (the `warc` crate 0.4 writes WARC/1.0 with
//! lower-cased fields in hash order, no digests, and whole-file gzip), hence our own code.

pub mod digest;
pub mod http;
pub mod payload;
pub mod reader;
pub mod record;
pub mod repair;
pub mod writer;

pub use digest::{sha1_digest, verify_digest};
pub use reader::{ReadError, WarcReader};
pub use record::{Record, RecordType};
pub use writer::{WarcWriter, WriterConfig, WrittenRecord};
