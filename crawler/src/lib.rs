//! Veille crawler: polite, archival crawling of French municipal websites into WARC 1.1.
//!
//! The pieces, in the order data flows through them: [`config`] and [`scope`] say what to
//! fetch; [`frontier`] holds what is waiting, per host; [`robots`] applies robots.txt;
//! [`fetch`] makes one HTTP exchange; [`capture`] turns it into WARC records that
//! [`warc`] writes (and reads back); [`discover`] finds the next URLs; [`crawl`] runs the
//! loop and [`report`] counts. [`sample_server`] serves the bundled sample sites.

pub mod address;
pub mod canonical;
pub mod capture;
pub mod cdxj;
pub mod charset;
pub mod cli;
pub mod config;
pub mod crawl;
pub mod discover;
pub mod fetch;
pub mod frontier;
pub mod html_limits;
pub mod lock;
pub mod report;
pub mod robots;
pub mod sample_server;
pub mod schedule;
pub mod scope;
pub mod state;
pub mod synthetic;
pub mod verify;
pub mod warc;
