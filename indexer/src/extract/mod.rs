//! Extraction: from one HTML or PDF capture to a clean French document.

pub mod dates;
