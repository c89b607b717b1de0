//! What web pages give the crawler and the indexer, beyond the archive format: canonical URLs
//! ([`canonical`]), the links of a page, a sitemap or a feed ([`discover`]), and bounds on
//! pathological HTML before it is parsed into a tree ([`html_limits`]).

pub mod canonical;
pub mod discover;
pub mod html_limits;
