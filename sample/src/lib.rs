//! The bundled sample municipal sites (`data/sample-site`, [`server`]) and large generated
//! sites for benchmarks ([`synthetic`]), served from one loopback listener: what demos,
//! tests and benchmarks crawl. Fixtures, not part of the crawler.

pub mod server;
pub mod synthetic;

pub use server::{SampleSite, serve};
