//! Veille crawler: polite, archival crawling of French municipal websites into WARC 1.1.
//!
//! The pieces, in the order data flows through them: [`config`] and [`scope`] say what to
//! fetch; [`frontier`] holds what is waiting, per host; [`robots`] applies robots.txt;
//! [`fetch`] makes one HTTP exchange; [`capture`] turns it into WARC records that the `warc`
//! crate writes (and reads back); `web::discover` finds the next URLs; [`crawl`] runs the
//! loop and [`report`] counts; [`lock`] keeps a crawl's directories to itself. The sample sites it
//! crawls in demos and tests are served by the `sample` crate.

pub mod address;
pub mod capture;
pub mod config;
pub mod crawl;
pub mod fetch;
pub mod frontier;
pub mod lock;
pub mod postgres_state;
pub mod report;
pub mod robots;
pub mod schedule;
pub mod scope;
pub mod state;
