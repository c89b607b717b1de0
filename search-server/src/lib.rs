//! The HTTP face of Veille: the researchers' web form (in French), the JSON API, replay of
//! archived pages from their WARC records, exports, and the one-command demo.
//!
//! The search itself is the indexer's query layer ([`indexer::query`]); WARC records are read
//! with the crawler's reader ([`warc`]). This crate only turns HTTP requests into
//! those calls and their answers into pages.

pub mod api;
pub mod app;
pub mod cache;
pub mod captures;
pub mod charts;
pub mod demo;
pub mod diff;
pub mod export;
pub mod feed;
pub mod history;
pub mod memento;
pub mod params;
pub mod replay;
pub mod state;
pub mod views;
