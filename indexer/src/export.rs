//! Search results as a WACZ package (`indexer export-wacz`, the server's `/export.wacz`): the
//! documents' captures, with their requests, an index, and the pages with their extracted
//! title and text.

use std::io::{Seek, Write};

use warc::wacz::{Selected, WaczError, WaczInfo, WaczPage, WaczSummary, write_wacz};

use crate::query::{Hit, SearchIndex};

/// Writes the captures of `hits` to `out` as a WACZ file; `locate` finds the WARC record of a
/// hit's first capture, `original_of` the capture a revisit repeats.
pub fn wacz_of_hits<W: Write + Seek>(
    out: W,
    index: &SearchIndex,
    hits: &[Hit],
    info: &WaczInfo,
    locate: &dyn Fn(&Hit) -> Option<Selected>,
    original_of: &dyn Fn(&warc::payload::RevisitTarget) -> Option<Selected>,
) -> Result<WaczSummary, WaczError> {
    let mut selected = Vec::new();
    let mut pages = Vec::new();
    let mut missing = Vec::new();
    for h in hits {
        let Some(record) = locate(h) else {
            missing.push(format!("{}: no WARC record found for this document", h.url));
            continue;
        };
        selected.push(record);
        let text = h
            .digest
            .as_deref()
            .and_then(|d| index.version(&h.url, d).ok().flatten())
            .map(|v| v.text);
        pages.push(WaczPage {
            url: h.url.clone(),
            ts: h.captures.iter().min().cloned().unwrap_or_default(),
            title: h.title.clone(),
            text,
        });
    }
    let mut summary = write_wacz(out, &selected, &pages, info, original_of)?;
    summary.skipped.extend(missing);
    Ok(summary)
}
